package cn.luoyang.pollution.contracts.notification;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * An SMS to a reporter changed state: handed to the gateway (SENT), confirmed by the carrier's
 * receipt (DELIVERED), given up (FAILED) or not attempted because the number takes no SMS
 * (UNREACHABLE: a landline, foreign or unparsed number; the callback answers). One message per
 * (case, milestone, recipient). Key: complaint id.
 *
 * @param milestone REGISTERED, DISPATCHED, ACCEPTED, EXTENDED, CLOSED or REOPENED
 */
public record ReporterNotified(
        String eventId,
        String messageId,
        String complaintId,
        String caseId,
        String milestone,
        String maskedPhone,
        String status,
        String gatewayMessageId,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
