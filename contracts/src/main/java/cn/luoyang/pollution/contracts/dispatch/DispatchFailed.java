package cn.luoyang.pollution.contracts.dispatch;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * No rule could route a complaint; it waits in the campaign office's manual queue. Nothing is
 * dropped. Key: complaint id.
 *
 * @param reason     NO_TERRITORY, AMBIGUOUS_ADDRESS, UNKNOWN_CATEGORY, NO_RULE or NO_DEPARTMENT_LEFT
 * @param caseId     set when an existing case (after returns) could not be re-routed, else null
 * @param candidates what the dispatcher considered (district names, departments), for the person who decides
 */
public record DispatchFailed(
        String eventId,
        String complaintId,
        String trackingNumber,
        String caseId,
        String reason,
        String detail,
        List<String> candidates,
        List<TraceStep> trace,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
