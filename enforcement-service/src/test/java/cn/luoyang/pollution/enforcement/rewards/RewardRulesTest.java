package cn.luoyang.pollution.enforcement.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reward schedule's checks and lookup, the substantiated rule (举报属实), and a claim's decisions. */
class RewardRulesTest {

    private static final Set<String> KNOWN = Set.of("AIR_CONSTRUCTION_DUST", "SOIL_HAZARDOUS_WASTE");

    static List<RewardRule> defaults() {
        return new ArrayList<>(List.of(
                rule("*", Severity.RECTIFICATION, "50", "200", "CAMPAIGN_OFFICE"),
                rule("*", Severity.PENALTY, "200", "1000", "CAMPAIGN_OFFICE"),
                rule("*", Severity.MAJOR_PENALTY, "1000", "5000", "ADMIN")));
    }

    static RewardRule rule(String category, Severity s, String min, String max, String approver) {
        return new RewardRule(category, s, new BigDecimal(min), new BigDecimal(max), approver);
    }

    @Test
    void aCategorysOwnLineWinsOverTheDefaultLine() {
        List<RewardRule> lines = defaults();
        lines.add(rule("SOIL_HAZARDOUS_WASTE", Severity.PENALTY, "1000", "5000", "CAMPAIGN_OFFICE"));
        RewardRules rules = new RewardRules(lines, KNOWN::contains);

        assertThat(rules.ruleFor("SOIL_HAZARDOUS_WASTE", Severity.PENALTY).maxYuan()).isEqualByComparingTo("5000");
        assertThat(rules.ruleFor("AIR_CONSTRUCTION_DUST", Severity.PENALTY).maxYuan()).isEqualByComparingTo("1000");
        assertThat(rules.ruleFor("AIR_CONSTRUCTION_DUST", Severity.MAJOR_PENALTY).approver()).isEqualTo("ADMIN");
    }

    @Test
    void badLinesAreAllNamedAndStopTheStart() {
        List<RewardRule> lines = defaults();
        lines.add(rule("NO_SUCH_CATEGORY", Severity.PENALTY, "10", "20", "CAMPAIGN_OFFICE"));
        lines.add(rule("AIR_CONSTRUCTION_DUST", Severity.PENALTY, "500", "100", "CAMPAIGN_OFFICE"));
        lines.add(rule("SOIL_HAZARDOUS_WASTE", Severity.PENALTY, "0", "100", "HANDLER"));
        lines.add(rule("*", Severity.PENALTY, "1", "2", "ADMIN"));

        assertThatThrownBy(() -> new RewardRules(lines, KNOWN::contains))
                .hasMessageContaining("rule 4: unknown category NO_SUCH_CATEGORY")
                .hasMessageContaining("rule 5: the amount range must be 0 < min <= max, was 500..100")
                .hasMessageContaining("rule 6: the amount range")
                .hasMessageContaining("rule 6: approver must be one of")
                .hasMessageContaining("rule 7: a second line for * PENALTY");
    }

    @Test
    void everySeverityNeedsADefaultLine() {
        List<RewardRule> lines = defaults();
        lines.remove(2);
        assertThatThrownBy(() -> new RewardRules(lines, KNOWN::contains)).hasMessageContaining("no '*' line for MAJOR_PENALTY");
    }

    @Test
    void substantiatedMeansClosedAfterAPenaltyOrARectificationOrder() {
        Instant later = CaseMother.T0.plus(Duration.ofHours(5));

        Case penalized = CaseMother.inState("CASE-P", CaseState.PENALIZED);
        assertThat(Severity.of(penalized)).as("not closed yet").isEmpty();
        CaseMother.closeVerified(penalized, later, "已处罚款2万元");
        assertThat(Severity.of(penalized)).contains(Severity.PENALTY);

        Case rectified = CaseMother.inState("CASE-R", CaseState.VERIFIED);
        CaseMother.closeVerified(rectified, later, "已整改到位");
        assertThat(Severity.of(rectified)).contains(Severity.RECTIFICATION);

        Case suspended = CaseMother.inState("CASE-S", CaseState.INSPECTING);
        suspended.penalize(CaseMother.LEAD, later, new Penalty(Penalty.Kind.SUSPENSION, null, "洛城管罚〔2026〕2号"),
                CaseMother.EVIDENCE, null);
        CaseMother.closeVerified(suspended, later.plusSeconds(60), "责令停产整治");
        assertThat(Severity.of(suspended)).contains(Severity.MAJOR_PENALTY);

        assertThat(Severity.of(CaseMother.inState("CASE-U", CaseState.CLOSED))).as("closed unfounded").isEmpty();
        Case onTheSpot = CaseMother.inState("CASE-A", CaseState.ACCEPTED);
        CaseMother.closeVerified(onTheSpot, later, "当场办结");
        assertThat(Severity.of(onTheSpot)).as("closed on the spot, no violation recorded").isEmpty();
    }

    @Test
    void aClaimIsDecidedOnceWithinItsRuleAndPaidOnlyWhenApproved() {
        RewardRule rule = rule("*", Severity.PENALTY, "200", "1000", "CAMPAIGN_OFFICE");
        RewardClaim open = RewardClaim.open("cmp-1", "CASE-1", "LY-1", "AIR_CONSTRUCTION_DUST", "410305", Severity.PENALTY,
                rule, ClaimCodes.hash("cmp-1", "12345678"), CaseMother.T0);

        assertThatThrownBy(() -> open.approve("campaign", new BigDecimal("1000.01"), null, CaseMother.T0))
                .isInstanceOf(InvalidAmount.class).hasMessageContaining("200..1000");
        assertThatThrownBy(() -> open.markPaid("campaign", "TX-1", CaseMother.T0)).isInstanceOf(ClaimDecided.class);

        RewardClaim approved = open.approve("campaign", new BigDecimal("500"), "按标准", CaseMother.T0);
        assertThat(approved.state()).isEqualTo(ClaimState.APPROVED);
        assertThatThrownBy(() -> approved.refuse("campaign", "重复", CaseMother.T0)).isInstanceOf(ClaimDecided.class);
        assertThatThrownBy(() -> approved.approve("campaign", new BigDecimal("600"), null, CaseMother.T0))
                .isInstanceOf(ClaimDecided.class);
        assertThat(approved.markPaid("campaign", "TX-1", CaseMother.T0).paymentReference()).isEqualTo("TX-1");
    }

    @Test
    void statisticsCountClaimsAndYuanPerCategoryAndDistrict() {
        RewardRule rule = rule("*", Severity.PENALTY, "200", "1000", "CAMPAIGN_OFFICE");
        RewardClaim a = RewardClaim.open("c-a", "CASE-A", "LY-A", "AIR_ROAD_DUST", "410305", Severity.PENALTY, rule, "h", CaseMother.T0);
        RewardClaim b = RewardClaim.open("c-b", "CASE-B", "LY-B", "AIR_ROAD_DUST", "410305", Severity.PENALTY, rule, "h", CaseMother.T0);
        RewardClaim c = RewardClaim.open("c-c", "CASE-C", "LY-C", "AIR_ROAD_DUST", "410302", Severity.PENALTY, rule, "h", CaseMother.T0);
        List<RewardStatistics.Row> rows = RewardStatistics.of(List.of(
                a.approve("campaign", new BigDecimal("300"), null, CaseMother.T0).markPaid("campaign", "TX", CaseMother.T0),
                b.approve("campaign", new BigDecimal("200"), null, CaseMother.T0), c.refuse("campaign", "不符合条件", CaseMother.T0)));

        assertThat(rows).containsExactly(
                new RewardStatistics.Row("AIR_ROAD_DUST", "410302", 1, 0, 0, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                new RewardStatistics.Row("AIR_ROAD_DUST", "410305", 2, 0, 2, 0, 1, new BigDecimal("500"), new BigDecimal("300")));
    }

    @Test
    void theClaimCodeIsEightDigitsStableForAComplaintAndOnlyItsHashMatches() {
        ClaimCodes codes = new ClaimCodes("a-test-secret-of-some-length");
        String code = codes.codeFor("cmp-1");
        assertThat(code).matches("\\d{8}").isEqualTo(codes.codeFor("cmp-1"));
        assertThat(codes.codeFor("cmp-2")).isNotEqualTo(code);
        assertThat(new ClaimCodes("another-secret-of-some-length").codeFor("cmp-1")).isNotEqualTo(code);

        RewardClaim claim = RewardClaim.open("cmp-1", "CASE-1", "LY-1", "AIR_CONSTRUCTION_DUST", "410305", Severity.PENALTY,
                rule("*", Severity.PENALTY, "200", "1000", "CAMPAIGN_OFFICE"), ClaimCodes.hash("cmp-1", code), CaseMother.T0);
        assertThat(claim.codeHash()).doesNotContain(code);
        assertThat(ClaimCodes.matches(claim, code)).isTrue();
        assertThat(ClaimCodes.matches(claim, "00000000")).isFalse();
    }
}
