package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** 复查: someone other than the inspector confirmed the rectification. Key: case id. */
public record CaseVerified(
        String eventId,
        String caseId,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
