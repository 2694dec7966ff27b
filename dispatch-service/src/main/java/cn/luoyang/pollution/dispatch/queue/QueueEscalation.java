package cn.luoyang.pollution.dispatch.queue;

import java.time.Instant;

/**
 * The manual-queue clock's escalation of one complaint (督办), claimed by one instance. Its event id
 * and time are fixed when it is claimed, so a republication after a crash is the same event.
 *
 * @param claimedAt   when an instance took it (again, after a crash before publishing)
 * @param publishedAt null until the broker has the event
 */
public record QueueEscalation(String complaintId, String trackingNumber, String reason, Instant queuedAt, String eventId,
        Instant escalatedAt, Instant claimedAt, Instant publishedAt) {

    public QueueEscalation reclaimed(Instant at) {
        return new QueueEscalation(complaintId, trackingNumber, reason, queuedAt, eventId, escalatedAt, at, null);
    }
}
