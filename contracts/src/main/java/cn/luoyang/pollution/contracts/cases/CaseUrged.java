package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** 催办: an oversight role urged the lead unit. Key: case id. */
public record CaseUrged(
        String eventId,
        String caseId,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
