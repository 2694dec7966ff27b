package cn.luoyang.pollution.complaint.tracking;

import java.time.Instant;

/**
 * One step of a complaint's public history, taken from a dispatch or case event.
 *
 * @param department the department code now responsible, or null when the event does not say
 * @param note       the reply on closure, the reason on reopening, else null
 */
public record StatusChange(String eventId, PublicStatus status, Instant occurredAt, String caseId, String department, String note) {
}
