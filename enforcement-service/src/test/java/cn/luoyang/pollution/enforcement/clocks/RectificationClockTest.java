package cn.luoyang.pollution.enforcement.clocks;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseEvent;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.contracts.cases.EscalationLevel;
import cn.luoyang.pollution.contracts.cases.RectificationCheckDue;
import cn.luoyang.pollution.contracts.cases.RectificationChecked;
import cn.luoyang.pollution.enforcement.Rules;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.cases.RectificationCheck;
import cn.luoyang.pollution.enforcement.cases.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RECTIFY clock (整改期限) of a rectification order: ordered Mon 23 Nov 10:30 (Beijing) to rectify
 * within 7 days, by Mon 30 Nov 10:30. Reminder at 75% (Sat 28 Nov 16:30), overdue and the automatic
 * re-inspection (到期复查) at the deadline, escalations +1wd / +3wd / +5wd (Tue 1, Thu 3, Mon 7 Dec).
 */
class RectificationClockTest {

    static Instant beijing(String t) {
        return LocalDateTime.parse(t).atZone(Rules.BEIJING).toInstant();
    }

    static final Instant DEADLINE = beijing("2026-11-30T10:30");

    @Test
    void theOrderStartsAClockToItsDeadlineThatRemindsGoesOverdueOpensARecheckAndEscalatesEachOnce() {
        Case c = CaseMother.inState(CaseState.RECTIFICATION_ORDERED);
        RunningClock rectify = c.clocks().get(ClockName.RECTIFY).orElseThrow();
        assertThat(rectify.deadline()).isEqualTo(DEADLINE).isEqualTo(c.rectificationDeadline());
        assertThat(rectify.running()).isTrue();
        int before = c.newEvents().size();

        assertThat(c.fireDueTimers(beijing("2026-11-28T16:29"))).isZero();
        assertThat(c.fireDueTimers(beijing("2026-11-28T16:30"))).as("75% of 7 days").isEqualTo(1);
        assertThat(c.rectificationChecks()).isEmpty();
        assertThat(c.fireDueTimers(DEADLINE)).isEqualTo(1);
        assertThat(c.fireDueTimers(DEADLINE)).as("fires once").isZero();
        assertThat(c.fireDueTimers(beijing("2026-12-07T10:30"))).as("three escalations after an outage").isEqualTo(3);
        assertThat(c.fireDueTimers(beijing("2026-12-07T10:30"))).isZero();

        List<CaseEvent> events = c.newEvents().subList(before, c.newEvents().size());
        assertThat(events).hasSize(6);
        assertThat(events.get(0)).isInstanceOfSatisfying(DeadlineApproaching.class, e -> {
            assertThat(e.clock()).isEqualTo(ClockName.RECTIFY);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(CaseOverdue.class, e -> {
            assertThat(e.clock()).isEqualTo(ClockName.RECTIFY);
            assertThat(e.deadline()).isEqualTo(DEADLINE);
            assertThat(e.department()).isEqualTo("URBAN_MANAGEMENT");
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(RectificationCheckDue.class, e -> {
            assertThat(e.unit()).isEqualTo("URBAN_MANAGEMENT@410305");
            assertThat(e.gridId()).isEqualTo("410305-0017");
        });
        assertThat(events.subList(3, 6)).allSatisfy(e -> assertThat(((CaseEscalated) e).clock()).isEqualTo(ClockName.RECTIFY))
                .extracting(e -> ((CaseEscalated) e).level())
                .containsExactly(EscalationLevel.UNIT_LEADER, EscalationLevel.CAMPAIGN_OFFICE, EscalationLevel.DISCIPLINE_OFFICE);

        assertThat(c.rectificationChecks()).singleElement().satisfies(check -> {
            assertThat(check.pending()).isTrue();
            assertThat(check.order()).isEqualTo(1);
            assertThat(check.due().deadline()).isEqualTo(DEADLINE);
            assertThat(check.due().dueSince()).isEqualTo(DEADLINE);
            assertThat(check.due().unit()).isEqualTo(Unit.parse("URBAN_MANAGEMENT@410305"));
            assertThat(check.due().gridId()).isEqualTo("410305-0017");
        });
        assertThat(c.state()).isEqualTo(CaseState.RECTIFICATION_ORDERED);
        assertThat(c.history().entries()).filteredOn(h -> h.action().equals("RECTIFICATION_CHECK_DUE")).singleElement()
                .satisfies(h -> assertThat(h.actor().role()).isEqualTo("SYSTEM"));
        assertThat(c.history().verify()).isTrue();
    }

    @Test
    void recordingTheRectificationStopsTheClockSoNothingFiresForIt() {
        Case c = CaseMother.inState(CaseState.RECTIFICATION_ORDERED);
        Instant fixedAt = beijing("2026-11-27T09:00");
        c.reportRectified(LEAD, fixedAt, EVIDENCE, "已覆盖");

        assertThat(c.clocks().get(ClockName.RECTIFY)).get().extracting(RunningClock::stoppedAt).isEqualTo(fixedAt);
        int before = c.newEvents().size();
        c.fireDueTimers(beijing("2026-12-08T10:00"));
        assertThat(c.newEvents().subList(before, c.newEvents().size())).as("no RECTIFY timers after rectification")
                .noneMatch(e -> e instanceof CaseOverdue || e instanceof CaseEscalated
                        || e instanceof DeadlineApproaching p && "RECTIFY".equals(p.clock()));
        assertThat(c.rectificationChecks()).isEmpty();
    }

    @Test
    void aPenaltyStopsTheClock() {
        Case c = CaseMother.inState(CaseState.RECTIFICATION_ORDERED);
        c.fireDueTimers(DEADLINE); // overdue: the re-inspection is due
        Instant at = beijing("2026-11-30T15:00");
        c.penalize(LEAD, at, new Penalty(Penalty.Kind.FINE, new BigDecimal("50000"), "洛涧城管罚〔2026〕9号"), EVIDENCE, "逾期未整改");

        assertThat(c.clocks().get(ClockName.RECTIFY)).get().extracting(RunningClock::stoppedAt).isEqualTo(at);
        assertThat(c.fireDueTimers(beijing("2026-12-08T10:00"))).as("no escalation of a penalised order").isZero();
    }

    @Test
    void theRecheckWaitsForTheDeadlineNeedsEvidenceAndAFailureKeepsTheOrderEscalatingUntilAPassedCheck() {
        Case c = CaseMother.inState(CaseState.RECTIFICATION_ORDERED);
        assertThatThrownBy(() -> c.recordRectificationCheck(LEAD, beijing("2026-11-30T10:29"), true, EVIDENCE, null))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("has not passed");
        c.fireDueTimers(DEADLINE);
        assertThatThrownBy(() -> c.recordRectificationCheck(LEAD, beijing("2026-11-30T14:00"), false, List.of(), null))
                .isInstanceOf(CaseRuleViolation.class);

        c.recordRectificationCheck(LEAD, beijing("2026-11-30T14:00"), false, List.of("recheck-1.jpg"), "裸土仍未覆盖");

        assertThat(c.state()).isEqualTo(CaseState.RECTIFICATION_ORDERED);
        assertThat(c.rectificationChecks()).singleElement().satisfies(check -> {
            assertThat(check.failed()).isTrue();
            assertThat(check.finding().actor()).isEqualTo(LEAD);
            assertThat(check.finding().evidence()).containsExactly("recheck-1.jpg");
        });
        assertThat(c.newEvents().get(c.newEvents().size() - 1)).isInstanceOfSatisfying(RectificationChecked.class,
                e -> assertThat(e.rectified()).isFalse());
        assertThat(c.fireDueTimers(beijing("2026-12-01T10:30"))).as("first escalation still comes").isEqualTo(1);

        Instant passedAt = beijing("2026-12-02T09:00");
        c.recordRectificationCheck(SECOND, passedAt, true, List.of("recheck-2.jpg"), "已覆盖");

        assertThat(c.state()).isEqualTo(CaseState.RECTIFIED);
        assertThat(c.rectificationChecks()).extracting(check -> check.finding().rectified())
                .containsExactly(false, true);
        assertThat(c.clocks().get(ClockName.RECTIFY)).get().extracting(RunningClock::stoppedAt).isEqualTo(passedAt);
        assertThat(c.fireDueTimers(beijing("2026-12-08T10:00"))).isZero();
        assertThat(c.history().verify()).isTrue();
    }

    @Test
    void aFailedVerificationWithANewOrderStartsAFreshGenerationOfTheClock() {
        Case c = CaseMother.inState(CaseState.RECTIFIED); // the first order's clock stopped at rectification
        Instant reordered = beijing("2026-11-24T10:00");
        c.orderRectification(LEAD, reordered, beijing("2026-11-26T10:00"), EVIDENCE, "复查不合格, 再限期两日", RULES);

        RunningClock second = c.clocks().get(ClockName.RECTIFY).orElseThrow();
        assertThat(second.generation()).isEqualTo(2);
        assertThat(second.running()).isTrue();
        assertThat(second.timers()).noneMatch(Timer::fired);
        c.fireDueTimers(beijing("2026-11-26T10:00"));
        assertThat(c.rectificationChecks()).singleElement().extracting(RectificationCheck::order).isEqualTo(2);
    }

    @Test
    void aCheckRecordedBeforeTheClocksTickIsNotOpenedASecondTime() {
        Case c = CaseMother.inState(CaseState.RECTIFICATION_ORDERED);
        c.recordRectificationCheck(LEAD, beijing("2026-11-30T10:31"), false, List.of("recheck.jpg"), "未整改");
        int before = c.newEvents().size();

        assertThat(c.fireDueTimers(beijing("2026-11-30T10:32"))).as("reminder and overdue").isEqualTo(2);

        assertThat(c.newEvents().subList(before, c.newEvents().size())).hasSize(2)
                .anySatisfy(e -> assertThat(e).isInstanceOf(CaseOverdue.class))
                .noneMatch(e -> e instanceof RectificationCheckDue);
        assertThat(c.rectificationChecks()).singleElement().satisfies(check -> assertThat(check.failed()).isTrue());
    }

    @Test
    void noRecheckOutsideARectificationOrder() {
        Case c = CaseMother.inState(CaseState.INSPECTING);
        assertThatThrownBy(() -> c.recordRectificationCheck(LEAD, beijing("2026-12-30T10:00"), true, EVIDENCE, null))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("no rectification order");
        assertThat(c.rectificationChecks()).isEmpty();
    }
}
