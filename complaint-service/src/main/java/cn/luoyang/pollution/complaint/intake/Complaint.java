package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.tracking.Progress;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A report the city has accepted (受理): its tracking number, what was reported, its public
 * progress, and the events it still owes the broker. Registering it records
 * {@link ComplaintRegistered} in its own outbox, so storing the complaint and promising the event
 * are one write.
 *
 * @param fingerprint what the report said, hashed: a second delivery of the same ticket must say the same
 * @param publication what an officer released of it for the public feeds; nothing at first
 * @param claimCodeHash the hash of the claim code (领奖凭证) the filing's answer showed a reporter who asked for a
 *                    reward and left no phone ({@link ClaimCodeHash}); null otherwise. The code itself is never kept.
 */
public record Complaint(
        String id,
        String trackingNumber,
        String naturalKey,
        String fingerprint,
        ComplaintDraft draft,
        Instant receivedAt,
        Progress progress,
        List<OutboxEntry> outbox,
        Publication publication,
        String claimCodeHash) {

    public Complaint {
        outbox = List.copyOf(outbox);
        publication = publication == null ? Publication.NONE : publication;
    }

    public static Complaint register(String id, String trackingNumber, ComplaintDraft draft, String eventId,
                                     Instant now, Duration relayGrace) {
        return register(id, trackingNumber, draft, eventId, now, relayGrace, null);
    }

    /** @param claimCodeHash the hash of the claim code given at filing, or null ({@link #claimCodeHash()}) */
    public static Complaint register(String id, String trackingNumber, ComplaintDraft draft, String eventId,
                                     Instant now, Duration relayGrace, String claimCodeHash) {
        ComplaintRegistered registered = new ComplaintRegistered(eventId, id, trackingNumber,
                draft.sourceSystem(), draft.externalTicketId(), draft.channel(), draft.category(), draft.subType(),
                draft.description(), draft.location(), draft.addressText(), draft.observedAt(), draft.happeningNow(),
                draft.media(), draft.reporter().toSealedContact(), draft.rewardRequested(), draft.monitor(), claimCodeHash, now,
                ComplaintRegistered.VERSION);
        return new Complaint(id, trackingNumber, draft.naturalKey(), Fingerprints.of(draft), draft, now,
                Progress.received(eventId, now),
                List.of(new OutboxEntry(registered, Topics.COMPLAINTS_REGISTERED, now.plus(relayGrace))), Publication.NONE,
                claimCodeHash);
    }

    public boolean sameReportAs(ComplaintDraft other) {
        return fingerprint.equals(Fingerprints.of(other));
    }
}
