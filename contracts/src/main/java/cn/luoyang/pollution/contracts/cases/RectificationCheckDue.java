package cn.luoyang.pollution.contracts.cases;

import java.time.Instant;

/**
 * 到期复查 due: a rectification order's deadline passed unrectified, so the lead unit (or the case's grid
 * member) must go and check. Signed by the clock. Key: case id.
 */
public record RectificationCheckDue(
        String eventId,
        String caseId,
        Instant orderDeadline,
        String unit,
        String gridId,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
