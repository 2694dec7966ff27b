package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** A supervisor approved an extension (延期); the reporter is told why. Key: case id. */
public record CaseExtended(
        String eventId,
        String caseId,
        String reason,
        Instant newDeadline,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
