package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/**
 * 到期复查 finding after the order's deadline: {@code rectified} moves the case on; otherwise the order
 * and its clock stay. Key: case id.
 */
public record RectificationChecked(
        String eventId,
        String caseId,
        boolean rectified,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
