package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** 抽查: a closed case was drawn for re-inspection by another unit ({@code unit}, department@territory). Key: case id. */
public record CaseDrawnForReinspection(
        String eventId,
        String caseId,
        String unit,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
