package cn.luoyang.pollution.contracts.cases;

import java.time.Instant;

/** A clock reached its deadline without the action it waits for. Key: case id. */
public record CaseOverdue(
        String eventId,
        String caseId,
        ClockName clock,
        String department,
        Instant deadline,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
