package cn.luoyang.pollution.contracts.notification;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * A reporter answered the closure survey by SMS (回访). UNSATISFIED reopens the case. Key: case id.
 *
 * @param rating SATISFIED (1 满意), BASICALLY_SATISFIED (2 基本满意) or UNSATISFIED (3 不满意), on the wire as its name
 */
public record ReporterFeedbackReceived(
        String eventId,
        String caseId,
        String complaintId,
        Satisfaction rating,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return caseId;
    }
}
