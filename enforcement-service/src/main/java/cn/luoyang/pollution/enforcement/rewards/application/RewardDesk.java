package cn.luoyang.pollution.enforcement.rewards.application;

import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.application.EventRelay;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.rewards.ClaimCodes;
import cn.luoyang.pollution.enforcement.rewards.ClaimLocked;
import cn.luoyang.pollution.enforcement.rewards.ClaimState;
import cn.luoyang.pollution.enforcement.rewards.RewardClaim;
import cn.luoyang.pollution.enforcement.rewards.RewardClaims;
import cn.luoyang.pollution.enforcement.rewards.RewardRule;
import cn.luoyang.pollution.enforcement.rewards.RewardRules;
import cn.luoyang.pollution.enforcement.rewards.RewardStatistics;
import cn.luoyang.pollution.enforcement.rewards.Severity;
import cn.luoyang.pollution.enforcement.rewards.WrongClaimCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reward desk (有奖举报): opens claims when a case closes substantiated, and lets the campaign office
 * decide and mark them paid. Nothing here knows who a reporter is: claims hold the complaint id and
 * tracking number, and the code goes to notification-service, which alone can reach the reporter.
 */
public class RewardDesk {

    private final Cases cases;
    private final ReporterAccounts accounts;
    private final RewardClaims claims;
    private final RewardRules rules;
    private final ClaimCodes codes;
    private final RewardAnnouncements announcements;
    private final EventRelay relay;
    private final Clock clock;

    /**
     * @param announcements where an opened claim is announced (with its code, which is never stored)
     * @param relay         publishes what a decided claim's outbox holds
     */
    public RewardDesk(Cases cases, ReporterAccounts accounts, RewardClaims claims, RewardRules rules, ClaimCodes codes,
            RewardAnnouncements announcements, EventRelay relay, Clock clock) {
        this.cases = cases;
        this.accounts = accounts;
        this.claims = claims;
        this.rules = rules;
        this.codes = codes;
        this.announcements = announcements;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * After {@code case.closed.v1}: for each complaint of a substantiated case whose reporter asked for a
     * reward, the claim is opened once and announced with its code; a reporter who was given a code at filing
     * (no phone) has the claim opened with that code's hash and not announced. A redelivery or a second closure finds
     * the claim and announces it again under the same event id (the reporter hears it once); a claim that
     * was decided meanwhile is not announced again. Returns the claims of the case now open.
     */
    public List<RewardClaim> caseClosed(String caseId) {
        Optional<Case> found = cases.find(caseId);
        if (found.isEmpty()) {
            return List.of();
        }
        Case c = found.get();
        Optional<Severity> severity = Severity.of(c);
        if (severity.isEmpty()) {
            return List.of();
        }
        RewardRule rule = rules.ruleFor(c.category(), severity.get());
        String district = c.territory() == null ? null : c.territory().districtCode();
        Map<String, String> givenAtFiling = accounts.claimCodeHashes(c.complaintIds());
        return accounts.of(c.complaintIds()).stream().filter(ReporterAccount::rewardRequested).map(a -> {
            String filed = givenAtFiling.get(a.complaintId());
            String code = filed == null ? codes.codeFor(a.complaintId()) : null;
            RewardClaim claim = claims.openOnce(RewardClaim.open(a.complaintId(), c.id(), a.trackingNumber(), c.category(),
                    district, severity.get(), rule, filed != null ? filed : ClaimCodes.hash(a.complaintId(), code), clock.instant()));
            // a reporter given the code at filing left no phone: there is no one to text, and no code to send
            if (claim.state() == ClaimState.OPEN && !claim.codeGivenAtFiling()) {
                announcements.opened(new RewardClaimOpened(eventId("opened", claim.claimId()), claim.caseId(), claim.claimId(),
                        claim.claimId(), claim.trackingNumber(), code, claim.rule().maxYuan(), claim.openedAt(),
                        RewardClaimOpened.VERSION));
            }
            return claim;
        }).filter(claim -> claim.state() == ClaimState.OPEN).toList();
    }

    public List<RewardClaim> list(Officer officer, ClaimState state) {
        requireOffice(officer);
        return claims.list(state);
    }

    /** The reward schedule in force. */
    public List<RewardRule> rules(Officer officer) {
        requireOffice(officer);
        return rules.all();
    }

    /** 有奖举报统计 per category and district, over every claim. */
    public List<RewardStatistics.Row> statistics(Officer officer) {
        requireOffice(officer);
        return RewardStatistics.of(claims.list(null));
    }

    public RewardClaim get(Officer officer, String claimId) {
        requireOffice(officer);
        return claims.find(claimId).orElseThrow(() -> new ClaimNotFound(claimId));
    }

    /** 批准: by the rule's approver (or ADMIN), an amount within the rule's range. */
    public RewardClaim approve(Officer officer, String claimId, BigDecimal amountYuan, String note) {
        RewardClaim claim = get(officer, claimId);
        if (officer.role() != Role.ADMIN && !officer.role().name().equals(claim.rule().approver())) {
            throw new AccessDenied("this claim is approved by " + claim.rule().approver());
        }
        return decided(claim.approve(officer.userId(), amountYuan, note, clock.instant()), "APPROVED");
    }

    /** 不予奖励, with the reason the reporter is told. */
    public RewardClaim refuse(Officer officer, String claimId, String reason) {
        return decided(get(officer, claimId).refuse(officer.userId(), reason, clock.instant()), "REFUSED");
    }

    /** 已发放, with the payment's reference. */
    public RewardClaim markPaid(Officer officer, String claimId, String reference) {
        return decided(get(officer, claimId).markPaid(officer.userId(), reference, clock.instant()), "PAID");
    }

    /**
     * Stores the decision and its {@code reward.claim-decided.v1} in one write (the event waits in the
     * claim's outbox), then asks the relay to publish it; if this process stops in between, the relay's
     * sweep publishes it later, on this replica or another, once.
     */
    private RewardClaim decided(RewardClaim claim, String decision) {
        claims.save(claim, List.of(new RewardClaimDecided(eventId(decision, claim.claimId()), claim.caseId(), claim.claimId(),
                claim.claimId(), claim.trackingNumber(), decision, claim.amountYuan(),
                "PAID".equals(decision) ? null : claim.reason(), clock.instant(), RewardClaimDecided.VERSION)));
        relay.publishSoon(claim.claimId());
        return claim;
    }

    /** After this many wrong claim codes within {@link #WRONG_CODE_WINDOW}, a claim answers no more codes until the window passes. */
    public static final int MAX_WRONG_CODES = 5;
    public static final Duration WRONG_CODE_WINDOW = Duration.ofHours(1);

    /**
     * 凭查询码和领奖码领奖: the reporter, who may have stayed anonymous, shows the tracking number and the
     * claim code of the SMS; the claim is answered when the code proves it. Nothing in it names the
     * reporter. A wrong code and an unknown tracking number are answered alike ({@link WrongClaimCode});
     * the {@value #MAX_WRONG_CODES}th wrong code within the window locks the claim for the rest of it
     * ({@link ClaimLocked}), on every replica (the wrong codes are counted in the claim's document).
     */
    public RewardClaim claimByCode(String trackingNumber, String code) {
        RewardClaim claim = claims.byTrackingNumber(trackingNumber).orElseThrow(WrongClaimCode::new);
        Instant now = clock.instant();
        Instant since = now.minus(WRONG_CODE_WINDOW);
        if (claims.wrongCodesSince(claim.claimId(), since) >= MAX_WRONG_CODES) {
            throw new ClaimLocked(WRONG_CODE_WINDOW);
        }
        if (!ClaimCodes.matches(claim, code)) {
            claims.wrongCode(claim.claimId(), now, since);
            throw new WrongClaimCode();
        }
        return claim;
    }

    private static void requireOffice(Officer officer) {
        if (officer.role() != Role.CAMPAIGN_OFFICE && officer.role() != Role.ADMIN) {
            throw new AccessDenied("reward claims are for the campaign office");
        }
    }

    private static String eventId(String what, String claimId) {
        return UUID.nameUUIDFromBytes(("reward/" + what + "/" + claimId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
