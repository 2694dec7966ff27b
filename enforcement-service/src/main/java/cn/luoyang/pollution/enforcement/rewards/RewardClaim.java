package cn.luoyang.pollution.enforcement.rewards;

import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reward claim (奖励申领): opened once per complaint whose reporter asked for a reward when its case
 * closed substantiated ({@link Severity#of}). Its id is the complaint id, so a redelivered closure or a
 * reopened case closing again finds it there. It holds no reporter identity: the department and the
 * campaign office see the complaint id and tracking number only; the reporter proves the claim with the
 * claim code, of which only a hash is kept ({@link ClaimCodes}).
 *
 * @param rule the rule in force when it opened (amount range and approver)
 */
public record RewardClaim(
        String claimId,
        String caseId,
        String trackingNumber,
        String category,
        String districtCode,
        Severity severity,
        RewardRule rule,
        String codeHash,
        ClaimState state,
        Instant openedAt,
        BigDecimal amountYuan,
        String reason,
        String decidedBy,
        Instant decidedAt,
        String paymentReference,
        String paidBy,
        Instant paidAt,
        long version) {

    public static RewardClaim open(String complaintId, String caseId, String trackingNumber, String category,
            String districtCode, Severity severity, RewardRule rule, String codeHash, Instant now) {
        return new RewardClaim(complaintId, caseId, trackingNumber, category, districtCode, severity, rule, codeHash,
                ClaimState.OPEN, now, null, null, null, null, null, null, null, 0);
    }

    /** 批准: an amount within the rule's range, by the rule's approver (the caller checks the role). */
    public RewardClaim approve(String by, BigDecimal amount, String note, Instant now) {
        requireOpen();
        if (!rule.allows(amount)) {
            throw new InvalidAmount("amountYuan must be within " + rule.minYuan() + ".." + rule.maxYuan());
        }
        return new RewardClaim(claimId, caseId, trackingNumber, category, districtCode, severity, rule, codeHash,
                ClaimState.APPROVED, openedAt, amount, note, by, now, null, null, null, version);
    }

    /** 不予奖励, with the reason the reporter is told. */
    public RewardClaim refuse(String by, String reason, Instant now) {
        requireOpen();
        return new RewardClaim(claimId, caseId, trackingNumber, category, districtCode, severity, rule, codeHash,
                ClaimState.REFUSED, openedAt, null, reason, by, now, null, null, null, version);
    }

    /** 已发放: the payment's reference (bank transfer or voucher number). Only an approved claim. */
    public RewardClaim markPaid(String by, String reference, Instant now) {
        if (state != ClaimState.APPROVED) {
            throw new ClaimDecided("claim " + claimId + " is " + state + "; only an APPROVED claim is paid");
        }
        return new RewardClaim(claimId, caseId, trackingNumber, category, districtCode, severity, rule, codeHash,
                ClaimState.PAID, openedAt, amountYuan, reason, decidedBy, decidedAt, reference, by, now, version);
    }

    /**
     * The reporter left no phone and was given the code when filing (its hash came with the complaint), so no SMS
     * announces the claim: the reporter claims with that code.
     */
    public boolean codeGivenAtFiling() {
        return ClaimCodeHash.isOne(codeHash);
    }

    private void requireOpen() {
        if (state != ClaimState.OPEN) {
            throw new ClaimDecided("claim " + claimId + " was decided already: " + state);
        }
    }
}
