package cn.luoyang.pollution.enforcement.cases;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.cases.ContributionRecorded;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.Dispatches;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseRulesTest {

    final Instant later = T0.plus(Duration.ofHours(3));

    @Test
    void theInspectorCannotVerifyTheirOwnRectification() {
        Case c = CaseMother.inState(CaseState.RECTIFIED);
        assertThatThrownBy(() -> c.verify(LEAD, later, EVIDENCE, "自己复查"))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("cannot verify their own");
        c.verify(SECOND, later, EVIDENCE, "复查合格");
        assertThat(c.state()).isEqualTo(CaseState.VERIFIED);
    }

    @Test
    void coHandlerRecordsItsPartButOnlyTheLeadCloses() {
        Case c = CaseMother.inState(CaseState.UNFOUNDED);
        c.recordContribution(CO, later, "生态环境分局已监测，颗粒物未超标", List.of("monitoring-report.pdf"));

        assertThat(c.contributions()).singleElement().satisfies(part -> {
            assertThat(part.unit()).isEqualTo(new Unit("ECOLOGY_ENVIRONMENT", "410305"));
            assertThat(part.actor()).isEqualTo(CO);
        });
        assertThat(c.newEvents().get(c.newEvents().size() - 1)).isInstanceOfSatisfying(ContributionRecorded.class,
                e -> assertThat(e.unit()).isEqualTo(CO.unit()));
        assertThatThrownBy(() -> c.requestClosure(CO, later, null, "答复", CaseMother.proof(c)))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("only the lead unit");
        CaseMother.closeVerified(c, later, "经核查，问题不属实。");
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void aUnitThatIsNotCoHandlingCannotRecordAContribution() {
        Case c = CaseMother.inState(CaseState.ACCEPTED);
        assertThatThrownBy(() -> c.recordContribution(new cn.luoyang.pollution.contracts.Actor("zj-jianxi", "HANDLER",
                "HOUSING_CONSTRUCTION@410305"), later, "x", List.of())).isInstanceOf(CaseRuleViolation.class);
    }

    @Test
    void returnNeedsAReasonCodeAndCountsReturns() {
        Case c = CaseMother.dispatched("CASE-R");
        assertThatThrownBy(() -> c.returnCase(LEAD, later, " ", "no code")).isInstanceOf(CaseRuleViolation.class);
        c.returnCase(LEAD, later, "NOT_OUR_DUTY", "属住建部门职责");
        assertThat(c.newEvents().get(0)).isInstanceOfSatisfying(CaseReturned.class, e -> {
            assertThat(e.returnCount()).isEqualTo(1);
            assertThat(e.department()).isEqualTo("URBAN_MANAGEMENT");
            assertThat(e.reasonCode()).isEqualTo("NOT_OUR_DUTY");
        });
    }

    @Test
    void laterRoutingRoundReassignsAndRedeliveryOfAnOldRoundChangesNothing() {
        Case c = CaseMother.dispatched("CASE-RR");
        c.returnCase(LEAD, later, "NOT_OUR_DUTY", "属住建部门职责");
        assertThat(c.reassign(Dispatches.round("CASE-RR", "HOUSING_CONSTRUCTION", "410305", 2), later, RULES)).isTrue();
        assertThat(c.reassign(Dispatches.round("CASE-RR", "HOUSING_CONSTRUCTION", "410305", 2), later, RULES)).isFalse();
        assertThat(c.lead()).isEqualTo(new Unit("HOUSING_CONSTRUCTION", "410305"));
        assertThat(c.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(c.assignments()).hasSize(2);
        assertThatThrownBy(() -> c.accept(LEAD, later, null, RULES)).as("the old unit no longer leads")
                .isInstanceOf(CaseRuleViolation.class);
    }

    @Test
    void closingNeedsAReplyAndCarriesEveryComplaintOfTheCase() {
        Case c = CaseMother.inState(CaseState.ACCEPTED);
        c.addComplaint("cmp-merged");
        assertThatThrownBy(() -> c.requestClosure(LEAD, later, null, " ", CaseMother.proof(c))).isInstanceOf(CaseRuleViolation.class);
        assertThatThrownBy(() -> c.requestClosure(LEAD, later, null, "已处理", Evidence.NONE))
                .as("closing on the spot needs the visit's evidence").isInstanceOf(EvidenceRequired.class);
        CaseMother.closeVerified(c, later, "已处理");
        CaseClosed closed = (CaseClosed) c.newEvents().get(c.newEvents().size() - 1);
        assertThat(closed.complaintIds()).containsExactly("cmp-CASE-ACCEPTED", "cmp-merged");
        assertThat(closed.outcome()).isEqualTo("RESOLVED_ON_SITE");
    }

    @Test
    void unsatisfiedReporterReopensWithAShorterDeadlineAndRedeliveryIsHarmless() {
        Case c = CaseMother.inState(CaseState.CLOSED);
        Instant feedbackAt = Instant.parse("2026-11-26T02:00:00Z"); // Thursday 10:00
        assertThat(c.recordFeedback("fb-1", "cmp-CASE-CLOSED", Satisfaction.UNSATISFIED, feedbackAt, RULES)).isTrue();
        assertThat(c.recordFeedback("fb-1", "cmp-CASE-CLOSED", Satisfaction.UNSATISFIED, feedbackAt, RULES)).isFalse();

        assertThat(c.state()).isEqualTo(CaseState.REOPENED);
        assertThat(c.reopenCount()).isEqualTo(1);
        CaseReopened reopened = (CaseReopened) c.newEvents().get(c.newEvents().size() - 1);
        assertThat(reopened.cause()).isEqualTo("REPORTER_UNSATISFIED");
        // 5 working days from Thursday 26 Nov: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 Dec at 10:00 (< the 15wd standard)
        assertThat(reopened.newDeadline()).isEqualTo(Instant.parse("2026-12-03T02:00:00Z"));
    }

    @Test
    void satisfiedFeedbackIsRecordedWithoutReopening() {
        Case c = CaseMother.inState(CaseState.CLOSED);
        c.recordFeedback("fb-2", "cmp-CASE-CLOSED", Satisfaction.SATISFIED, later, RULES);
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
        assertThat(c.feedback()).singleElement().satisfies(f -> assertThat(f.satisfied()).isTrue());
    }
}
