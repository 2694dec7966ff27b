package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** The reporter was unsatisfied, a supervisor or a re-inspection reopened the case, with a shorter deadline. Key: case id. */
public record CaseReopened(
        String eventId,
        String caseId,
        String cause,
        String reason,
        Instant newDeadline,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
