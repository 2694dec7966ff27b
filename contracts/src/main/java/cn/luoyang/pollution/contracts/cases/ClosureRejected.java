package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** 办结审核 rejected: the case goes back to the state the request came from, with the verifier's reason. Key: case id. */
public record ClosureRejected(
        String eventId,
        String caseId,
        String reason,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
