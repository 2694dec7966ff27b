package cn.luoyang.pollution.enforcement.clocks;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseEvent;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.contracts.cases.EscalationLevel;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reminders, overdue and escalation on a case's clocks; extensions bounded by the 12369 rules. */
class CaseClocksTest {

    private static Instant beijing(String t) {
        return LocalDateTime.parse(t).atZone(cn.luoyang.pollution.enforcement.Rules.BEIJING).toInstant();
    }

    @Test
    void signClockRemindsAtThreeQuartersThenGoesOverdueThenEscalatesThroughThreeLevelsEachOnce() {
        Case c = CaseMother.dispatched("CASE-CLK"); // Monday 23 Nov 10:00, sign within 1 working day
        RunningClock sign = c.clocks().get(ClockName.SIGN).orElseThrow();
        assertThat(sign.deadline()).isEqualTo(beijing("2026-11-24T10:00"));
        int before = c.newEvents().size();

        assertThat(c.fireDueTimers(beijing("2026-11-24T03:59"))).isZero();
        assertThat(c.fireDueTimers(beijing("2026-11-24T04:00"))).as("75% of 24h").isEqualTo(1);
        assertThat(c.fireDueTimers(beijing("2026-11-24T04:00"))).as("fires once").isZero();
        assertThat(c.fireDueTimers(beijing("2026-11-24T10:00"))).isEqualTo(1);
        // escalations: 1wd (Wed 25), 3wd (Fri 27), 5wd (Tue 1 Dec) after the deadline; after an outage each fires once
        assertThat(c.fireDueTimers(beijing("2026-12-01T10:00"))).isEqualTo(3);
        assertThat(c.fireDueTimers(beijing("2026-12-01T10:00"))).isZero();

        List<CaseEvent> events = c.newEvents().subList(before, c.newEvents().size());
        assertThat(events.get(0)).isInstanceOfSatisfying(DeadlineApproaching.class, e -> {
            assertThat(e.clock()).isEqualTo(ClockName.SIGN);
            assertThat(e.deadline()).isEqualTo(beijing("2026-11-24T10:00"));
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(CaseOverdue.class, e -> {
            assertThat(e.clock()).isEqualTo(ClockName.SIGN);
            assertThat(e.deadline()).isEqualTo(beijing("2026-11-24T10:00"));
            assertThat(e.department()).isEqualTo("URBAN_MANAGEMENT");
        });
        assertThat(events.subList(2, 5)).extracting(e -> ((CaseEscalated) e).level())
                .containsExactly(EscalationLevel.UNIT_LEADER, EscalationLevel.CAMPAIGN_OFFICE, EscalationLevel.DISCIPLINE_OFFICE);
        assertThat(c.history().verify()).isTrue();
    }

    @Test
    void signingStopsTheSignClockSoNothingFiresForIt() {
        Case c = CaseMother.dispatched("CASE-CLK2");
        c.accept(LEAD, beijing("2026-11-23T11:00"), null, RULES);
        c.fireDueTimers(beijing("2026-11-24T12:00"));
        assertThat(c.newEvents()).noneMatch(e -> e instanceof CaseOverdue o && o.clock().equals("SIGN"));
    }

    @Test
    void closeDeadlineIsFifteenWorkingDaysAndNeverBeyondSixtyDays() {
        Case c = CaseMother.dispatched("CASE-CLK3");
        assertThat(c.clocks().deadlineOf(ClockName.CLOSE)).contains(beijing("2026-12-14T10:00"));
        ClockRules rules = RULES;
        assertThat(rules.capped(beijing("2027-03-01T10:00"), beijing("2026-11-23T10:00"))).isEqualTo(beijing("2027-01-22T10:00"));
    }

    @Test
    void extensionIsRequestedWithAReasonApprovedByASupervisorAndBoundedBySixtyPlusThirtyDays() {
        Case c = CaseMother.inState(CaseState.INSPECTING);
        Instant now = beijing("2026-11-24T10:00");
        assertThatThrownBy(() -> c.decideExtension(SUPERVISOR, now, true, null, RULES)).isInstanceOf(CaseRuleViolation.class);

        c.requestExtension(LEAD, now, 30, "需等待第三方检测报告");
        assertThatThrownBy(() -> c.requestExtension(LEAD, now, 5, "again")).isInstanceOf(CaseRuleViolation.class);
        c.decideExtension(SUPERVISOR, now, true, "同意", RULES);
        CaseExtended extended = (CaseExtended) c.newEvents().get(c.newEvents().size() - 1);
        assertThat(extended.reason()).isEqualTo("需等待第三方检测报告");
        assertThat(extended.newDeadline()).isEqualTo(beijing("2027-01-13T10:00")); // 14 Dec + 30 days

        c.requestExtension(LEAD, now, 30, "仍需时间");
        c.decideExtension(SUPERVISOR, now, true, null, RULES);
        // bound: opened 23 Nov + 60 days = 22 Jan, + 30 days = 21 Feb 2027
        assertThat(c.clocks().deadlineOf(ClockName.CLOSE)).contains(beijing("2027-02-12T10:00"));
        c.requestExtension(LEAD, now, 30, "再延");
        c.decideExtension(SUPERVISOR, now, true, null, RULES);
        assertThat(c.clocks().deadlineOf(ClockName.CLOSE)).contains(beijing("2027-02-21T10:00"));
        c.requestExtension(LEAD, now, 1, "又延");
        assertThatThrownBy(() -> c.decideExtension(SUPERVISOR, now, true, null, RULES))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("12369");
    }
}
