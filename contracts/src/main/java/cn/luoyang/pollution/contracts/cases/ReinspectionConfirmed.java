package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/**
 * 抽查结论: the re-inspecting unit confirmed the problem resolved (an unresolved finding is a {@link
 * CaseReopened} with cause REINSPECTION). Key: case id.
 */
public record ReinspectionConfirmed(
        String eventId,
        String caseId,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
