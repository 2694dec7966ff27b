package cn.luoyang.pollution.contracts.cases;

import java.time.Instant;

/** An overdue case was escalated to the unit's leader, the campaign office or the discipline office. Key: case id. */
public record CaseEscalated(
        String eventId,
        String caseId,
        ClockName clock,
        EscalationLevel level,
        String department,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
