package cn.luoyang.pollution.contracts.cases;

import java.time.Instant;

/**
 * 临期提醒: a clock's reminder time came; {@code clock} (SIGN, ONSITE, CLOSE, RECTIFY) ends at {@code
 * deadline}. Signed by the clock. Key: case id.
 */
public record DeadlineApproaching(
        String eventId,
        String caseId,
        String clock,
        String department,
        Instant deadline,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
