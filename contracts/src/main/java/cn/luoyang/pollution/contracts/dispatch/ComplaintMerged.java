package cn.luoyang.pollution.contracts.dispatch;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * A complaint reports an incident that already has an open case (same category, close in space
 * and time) and joined it instead of opening another. Its reporter is replied to at closure like
 * the first one. Key: case id.
 */
public record ComplaintMerged(
        String eventId,
        String caseId,
        String complaintId,
        String trackingNumber,
        double distanceMetres,
        long minutesApart,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return caseId;
    }
}
