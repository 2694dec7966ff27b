package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** 已整改: the polluter's rectification was recorded; the RECTIFY clock stops. Key: case id. */
public record CaseRectified(
        String eventId,
        String caseId,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
