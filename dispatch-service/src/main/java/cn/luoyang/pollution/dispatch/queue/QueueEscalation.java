package cn.luoyang.pollution.dispatch.queue;

import java.time.Instant;

/**
 * The manual-queue clock's escalation of one complaint (督办), claimed by one instance. Its event id
 * and time are fixed when it is claimed, and the event is stored with the claim, so a republication
 * after a crash is the same event.
 */
public record QueueEscalation(String complaintId, String trackingNumber, String reason, Instant queuedAt, String eventId,
        Instant escalatedAt) {
}
