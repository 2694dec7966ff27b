package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/**
 * 现场核查 began: someone of the lead unit or the case's grid arrived on site (到场); the ONSITE clock
 * stops. Key: case id.
 */
public record CaseInspected(
        String eventId,
        String caseId,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
