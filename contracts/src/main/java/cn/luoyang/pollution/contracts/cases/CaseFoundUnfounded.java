package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** 不属实: the inspection found nothing; the evidence (inspection record, photos) is required. Key: case id. */
public record CaseFoundUnfounded(
        String eventId,
        String caseId,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
