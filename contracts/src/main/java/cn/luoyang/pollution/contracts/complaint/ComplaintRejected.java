package cn.luoyang.pollution.contracts.complaint;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * A submission on {@code complaints.submitted} could not be accepted; tells the source system why.
 * Key: source system + ":" + external ticket id (the submission's own key).
 */
public record ComplaintRejected(
        String eventId,
        String sourceSystem,
        String externalTicketId,
        String reason,
        List<FieldError> errors,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return sourceSystem + ":" + externalTicketId;
    }
}
