package cn.luoyang.pollution.complaint.notes;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.Complaints;
import cn.luoyang.pollution.complaint.intake.PhoneRedaction;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Attaches a reporter's follow-up to their complaint and announces it to the case's handler
 * ({@code ReporterNoteAdded} on {@code complaints.notes}, through the complaint's outbox). The note's
 * id comes from the complaint and the calling system's own id, so a follow-up sent twice is kept
 * once and answered with the same id.
 */
public final class FollowUps {

    private final Complaints complaints;
    private final ReporterNotes notes;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration relayGrace;

    public FollowUps(Complaints complaints, ReporterNotes notes, OutboxRelay relay, Clock clock, Duration relayGrace) {
        this.complaints = complaints;
        this.notes = notes;
        this.relay = relay;
        this.clock = clock;
        this.relayGrace = relayGrace;
    }

    /** @return the note's id, or empty when no complaint has this tracking number */
    public Optional<String> attach(String trackingNumber, String sourceSystem, String externalId, String text,
                                   String mediaUrl, Instant writtenAt) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a follow-up needs its text");
        }
        Optional<Complaint> found = complaints.byTrackingNumber(trackingNumber);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Complaint complaint = found.get();
        Instant now = clock.instant();
        String noteId = UUID.nameUUIDFromBytes((complaint.id() + "|" + sourceSystem + ":" + externalId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        ReporterNote note = new ReporterNote(noteId, sourceSystem, externalId, PhoneRedaction.mask(text.strip()), mediaUrl,
                writtenAt, now);
        ReporterNoteAdded event = new ReporterNoteAdded(noteId, complaint.id(), complaint.trackingNumber(),
                complaint.progress().caseId(), sourceSystem, externalId, note.text(), mediaUrl, writtenAt, now,
                ReporterNoteAdded.VERSION);
        OutboxEntry entry = new OutboxEntry(event, Topics.COMPLAINTS_NOTES, now.plus(relayGrace));
        if (notes.add(complaint.id(), note, entry)) {
            relay.publishSoon(complaint.id());
        }
        return Optional.of(noteId);
    }
}
