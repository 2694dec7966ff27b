package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** 限期整改: the polluter must rectify by {@code deadline}; the RECTIFY clock (整改期限) runs to it. Key: case id. */
public record RectificationOrdered(
        String eventId,
        String caseId,
        Instant deadline,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
