package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** The department says the case is not theirs (退单), with a reason code; dispatch re-routes it without them. Key: case id. */
public record CaseReturned(
        String eventId,
        String caseId,
        String department,
        String reasonCode,
        String reason,
        int returnCount,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
