package cn.luoyang.pollution.contracts.rewards;

import cn.luoyang.pollution.contracts.cases.CaseEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The campaign office decided a reward claim (APPROVED with an amount, REFUSED with a reason) or marked
 * it PAID. Published by enforcement-service on {@code cases.lifecycle}, keyed by case id; the event id is
 * derived from (claim id, decision), so each decision is one event however often it is published.
 *
 * @param decision   APPROVED, REFUSED or PAID
 * @param amountYuan the approved amount (APPROVED, PAID); null when refused
 * @param reason     why it was refused (REFUSED); the approver's note otherwise, may be null
 */
public record RewardClaimDecided(
        String eventId,
        String caseId,
        String claimId,
        String complaintId,
        String trackingNumber,
        String decision,
        BigDecimal amountYuan,
        String reason,
        Instant occurredAt,
        int schemaVersion) implements CaseEvent {

    public static final int VERSION = 1;
}
