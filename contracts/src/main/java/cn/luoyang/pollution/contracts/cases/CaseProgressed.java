package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** Any other signed transition: inspection, finding, rectification, verification, penalty, supervision. Key: case id. */
public record CaseProgressed(
        String eventId,
        String caseId,
        String action,
        String fromState,
        String toState,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseEvent {

    public static final int VERSION = 1;
}
