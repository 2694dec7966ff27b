package cn.luoyang.pollution.enforcement.rewards.web;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.rewards.ClaimState;
import cn.luoyang.pollution.enforcement.rewards.RewardClaim;
import cn.luoyang.pollution.enforcement.rewards.RewardRule;
import cn.luoyang.pollution.enforcement.rewards.RewardStatistics;
import cn.luoyang.pollution.enforcement.rewards.application.RewardDesk;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rewards}: the campaign office's reward desk (有奖举报). Lists claims, approves one with an
 * amount within its rule's range (by the rule's approver), refuses one with a reason, marks an approved
 * one paid. A claim shows the complaint id and tracking number, never who the reporter is.
 */
@RestController
class RewardController {

    private final RewardDesk desk;

    RewardController(RewardDesk desk) {
        this.desk = desk;
    }

    record Approval(@NotNull @Positive BigDecimal amountYuan, @Size(max = 500) String note) {
    }

    record Refusal(@NotBlank @Size(max = 500) String reason) {
    }

    record Payment(@NotBlank @Size(max = 100) String reference) {
    }

    /**
     * What the office sees of a claim: no code, no hash, no reporter; {@code codeGivenAtFiling}: the reporter left no
     * phone and got the code when filing, so hears nothing by SMS and comes back with the code.
     */
    record ClaimView(String claimId, String caseId, String trackingNumber, String category, String districtCode,
            String severity, BigDecimal minYuan, BigDecimal maxYuan, String approver, ClaimState state, Instant openedAt,
            BigDecimal amountYuan, String reason, String decidedBy, Instant decidedAt, String paymentReference,
            String paidBy, Instant paidAt, boolean codeGivenAtFiling) {

        static ClaimView of(RewardClaim c) {
            return new ClaimView(c.claimId(), c.caseId(), c.trackingNumber(), c.category(), c.districtCode(),
                    c.severity().name(), c.rule().minYuan(), c.rule().maxYuan(), c.rule().approver(), c.state(), c.openedAt(),
                    c.amountYuan(), c.reason(), c.decidedBy(), c.decidedAt(), c.paymentReference(), c.paidBy(), c.paidAt(),
                    c.codeGivenAtFiling());
        }
    }

    @GetMapping("/api/rewards")
    List<ClaimView> list(Officer officer, @RequestParam(required = false) ClaimState state) {
        return desk.list(officer, state).stream().map(ClaimView::of).toList();
    }

    @GetMapping("/api/rewards/rules")
    List<RewardRule> rules(Officer officer) {
        return desk.rules(officer);
    }

    @GetMapping("/api/rewards/statistics")
    List<RewardStatistics.Row> statistics(Officer officer) {
        return desk.statistics(officer);
    }

    @GetMapping("/api/rewards/{claimId}")
    ClaimView get(Officer officer, @PathVariable String claimId) {
        return ClaimView.of(desk.get(officer, claimId));
    }

    @PostMapping("/api/rewards/{claimId}/approval")
    ClaimView approve(Officer officer, @PathVariable String claimId, @Valid @RequestBody Approval body) {
        return ClaimView.of(desk.approve(officer, claimId, body.amountYuan(), body.note()));
    }

    @PostMapping("/api/rewards/{claimId}/refusal")
    ClaimView refuse(Officer officer, @PathVariable String claimId, @Valid @RequestBody Refusal body) {
        return ClaimView.of(desk.refuse(officer, claimId, body.reason()));
    }

    @PostMapping("/api/rewards/{claimId}/payment")
    ClaimView pay(Officer officer, @PathVariable String claimId, @Valid @RequestBody Payment body) {
        return ClaimView.of(desk.markPaid(officer, claimId, body.reference()));
    }
}
