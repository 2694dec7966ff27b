package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** The lead department signed for the case (签收). Key: case id. */
public record CaseAccepted(
        String eventId,
        String caseId,
        String department,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
