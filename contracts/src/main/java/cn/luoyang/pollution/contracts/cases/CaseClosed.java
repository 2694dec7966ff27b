package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** The case was closed with a written reply to the reporter (办结答复); the survey follows. Key: case id. */
public record CaseClosed(
        String eventId,
        String caseId,
        String outcome,
        String reply,
        List<String> complaintIds,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
