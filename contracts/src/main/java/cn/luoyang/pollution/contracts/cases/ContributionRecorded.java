package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** 协办: a co-handling unit recorded its part; the case's state does not move. Key: case id. */
public record ContributionRecorded(
        String eventId,
        String caseId,
        String unit,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
