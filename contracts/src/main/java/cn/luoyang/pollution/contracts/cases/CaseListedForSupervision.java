package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** 挂牌督办: the case was listed for supervision. Key: case id. */
public record CaseListedForSupervision(
        String eventId,
        String caseId,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
