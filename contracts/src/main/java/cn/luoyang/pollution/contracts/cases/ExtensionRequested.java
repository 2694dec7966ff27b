package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 申请延期: the lead unit asked for more days, with a reason; a supervisor decides (approval is {@link
 * CaseExtended}). Key: case id.
 */
public record ExtensionRequested(
        String eventId,
        String caseId,
        int days,
        String reason,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
