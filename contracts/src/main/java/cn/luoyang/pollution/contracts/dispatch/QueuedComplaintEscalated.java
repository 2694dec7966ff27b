package cn.luoyang.pollution.contracts.dispatch;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * A complaint has waited in the campaign office's (攻坚办) manual queue longer than its time limit
 * and is escalated to the office's leader (督办). Published once per complaint (a redelivery keeps
 * the event id). Key: complaint id. Not a case yet, so it carries no case id.
 *
 * @param reason   why it is queued (the {@code DispatchFailed} reason, e.g. NO_TERRITORY)
 * @param level    who is to hear of it: {@code CAMPAIGN_OFFICE}
 * @param queuedAt when it entered the queue
 * @param limitHours the time limit it ran past, in plain hours
 */
public record QueuedComplaintEscalated(
        String eventId,
        String complaintId,
        String trackingNumber,
        String reason,
        String level,
        Instant queuedAt,
        long limitHours,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
