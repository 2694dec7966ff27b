package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * 行政处罚 imposed: {@code kind} is FINE, SUSPENSION, CLOSURE or POLICE_REFERRAL; a fine has its amount in
 * yuan. Key: case id.
 */
public record CasePenalized(
        String eventId,
        String caseId,
        String kind,
        BigDecimal amountYuan,
        String decisionNumber,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseLifecycleEvent {

    public static final int VERSION = 1;
}
