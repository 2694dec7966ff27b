package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/**
 * 申请办结: the lead unit proposed closing with a reply and the evidence it cites; a second person decides
 * (办结审核). Nothing is closed yet. Key: case id.
 */
public record ClosureRequested(
        String eventId,
        String caseId,
        String outcome,
        String reply,
        List<String> evidence,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
