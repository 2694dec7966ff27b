package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.tracking.Progress;
import cn.luoyang.pollution.contracts.Topics;
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
        Publication publication) {

    public Complaint {
        outbox = List.copyOf(outbox);
        publication = publication == null ? Publication.NONE : publication;
    }

    public static Complaint register(String id, String trackingNumber, ComplaintDraft draft, String eventId,
                                     Instant now, Duration relayGrace) {
        ComplaintRegistered registered = new ComplaintRegistered(eventId, id, trackingNumber,
                draft.sourceSystem(), draft.externalTicketId(), draft.channel(), draft.category(), draft.subType(),
                draft.description(), draft.location(), draft.addressText(), draft.observedAt(), draft.happeningNow(),
                draft.media(), draft.reporter().toSealedContact(), draft.rewardRequested(), draft.monitor(), now,
                ComplaintRegistered.VERSION);
        return new Complaint(id, trackingNumber, draft.naturalKey(), Fingerprints.of(draft), draft, now,
                Progress.received(eventId, now),
                List.of(new OutboxEntry(registered, Topics.COMPLAINTS_REGISTERED, now.plus(relayGrace))), Publication.NONE);
    }

    public boolean sameReportAs(ComplaintDraft other) {
        return fingerprint.equals(Fingerprints.of(other));
    }
}
