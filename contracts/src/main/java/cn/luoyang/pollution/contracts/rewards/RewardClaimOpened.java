package cn.luoyang.pollution.contracts.rewards;

import cn.luoyang.pollution.contracts.cases.CaseEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reward claim (奖励申领) was opened for a complaint whose reporter asked for a reward (有奖举报) and
 * whose case closed substantiated. Published by enforcement-service on {@code cases.lifecycle}, keyed
 * by case id; notification-service texts the reporter the claim code. The event id is derived from the
 * complaint id, so a re-announcement (redelivered or repeated closure) is recognisably the same event.
 *
 * @param claimId   the claim's id: the complaint id
 * @param claimCode the 8-digit code the reporter gives to claim; only notification-service reads it
 * @param maxYuan   the most the rule in force allows, for the message
 */
public record RewardClaimOpened(
        String eventId,
        String caseId,
        String claimId,
        String complaintId,
        String trackingNumber,
        String claimCode,
        BigDecimal maxYuan,
        Instant occurredAt,
        int schemaVersion) implements CaseEvent {

    public static final int VERSION = 1;
}
