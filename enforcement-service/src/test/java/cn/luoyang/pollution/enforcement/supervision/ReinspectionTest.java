package cn.luoyang.pollution.enforcement.supervision;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.ReinspectionFinding;
import cn.luoyang.pollution.enforcement.cases.Unit;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 随机抽查: a share of closed cases goes to another unit, whose finding can reopen the case. */
class ReinspectionTest {

    static final Unit CITY_REVIEWER = Unit.parse("ECOLOGY_ENVIRONMENT@410300");
    static final Unit ALTERNATE = Unit.parse("URBAN_MANAGEMENT@410300");
    static final Actor CITY_CG = new Actor("cg-city", "HANDLER", "URBAN_MANAGEMENT@410300");
    final Instant later = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void drawsTheConfiguredShareOfClosedCases() {
        double[] draws = {0.01, 0.30, 0.049, 0.05, 0.99};
        AtomicInteger i = new AtomicInteger();
        ReinspectionSampling fivePercent = new ReinspectionSampling(0.05, () -> draws[i.getAndIncrement()], CITY_REVIEWER, ALTERNATE);
        Case closed = CaseMother.inState(CaseState.CLOSED);
        assertThat(java.util.stream.IntStream.range(0, 5).mapToObj(n -> fivePercent.draw(closed).isPresent()).toList())
                .containsExactly(true, false, true, false, false);
    }

    @Test
    void reviewerIsAlwaysAnotherUnit() {
        ReinspectionSampling sampling = new ReinspectionSampling(1, () -> 0, CITY_REVIEWER, ALTERNATE);
        assertThat(sampling.reviewerOf(Unit.parse("URBAN_MANAGEMENT@410305"))).isEqualTo(ALTERNATE);
        assertThat(sampling.reviewerOf(Unit.parse("HOUSING_CONSTRUCTION@410300"))).isEqualTo(CITY_REVIEWER);
        assertThat(sampling.reviewerOf(CITY_REVIEWER)).isEqualTo(ALTERNATE);
    }

    @Test
    void unresolvedFindingReopensAndOnlyTheDrawnUnitMayRecordIt() {
        Case c = CaseMother.inState(CaseState.CLOSED);
        c.drawForReinspection(ALTERNATE, later);
        Officer cityHandler = new Officer("cg-city", "陈静", Role.HANDLER, "URBAN_MANAGEMENT", "410300", null);
        assertThat(CaseAccess.canView(cityHandler, c)).as("the re-inspecting unit sees the case").isTrue();

        assertThatThrownBy(() -> c.recordReinspection(LEAD, later, false, EVIDENCE, "自查", RULES))
                .isInstanceOf(CaseRuleViolation.class);
        c.recordReinspection(CITY_CG, later, false, EVIDENCE, "现场仍有裸土未覆盖", RULES);

        assertThat(c.state()).isEqualTo(CaseState.REOPENED);
        assertThat(c.reinspection().finding().outcome()).isEqualTo(ReinspectionFinding.Outcome.NOT_RESOLVED);
        assertThat(c.newEvents().get(c.newEvents().size() - 1)).isInstanceOfSatisfying(CaseReopened.class,
                e -> assertThat(e.cause()).isEqualTo("REINSPECTION"));
    }

    @Test
    void confirmedFindingLeavesTheCaseClosedAndTheLeadCannotReviewItself() {
        Case c = CaseMother.inState(CaseState.CLOSED);
        assertThatThrownBy(() -> c.drawForReinspection(c.lead(), later)).isInstanceOf(CaseRuleViolation.class);
        c.drawForReinspection(ALTERNATE, later);
        c.recordReinspection(CITY_CG, later, true, EVIDENCE, "复核属实", RULES);
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
        assertThat(c.reinspection().finding().outcome()).isEqualTo(ReinspectionFinding.Outcome.CONFIRMED);
    }
}
