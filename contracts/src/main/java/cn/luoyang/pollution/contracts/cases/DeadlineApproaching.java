package cn.luoyang.pollution.contracts.cases;

import java.time.Instant;

/**
 * 临期提醒: a clock's reminder time came; {@code clock} ends at {@code
 * deadline}. Signed by the clock. Key: case id.
 */
public record DeadlineApproaching(
        String eventId,
        String caseId,
        ClockName clock,
        String department,
        Instant deadline,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
