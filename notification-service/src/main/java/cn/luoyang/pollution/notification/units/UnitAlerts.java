package cn.luoyang.pollution.notification.units;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Tells a responsible unit (责任单位) about a new case, its cases' clock events and its daily digest. */
public interface UnitAlerts {

    void newCase(CaseDispatched event);

    /** A reminder, an overdue notice or an escalation of one of the unit's cases. */
    void clock(ClockNotice notice);

    /** 每日超期汇总: the unit's overdue open cases on {@code day}, oldest first. */
    void digest(String unit, LocalDate day, List<DigestLine> cases);

    /** One overdue case of a digest. */
    record DigestLine(String caseId, String trackingNumber, String clock, Instant deadline) {
    }

    /** No webhooks at all. */
    UnitAlerts NONE = new UnitAlerts() {
        @Override
        public void newCase(CaseDispatched event) {
        }

        @Override
        public void clock(ClockNotice notice) {
        }

        @Override
        public void digest(String unit, LocalDate day, List<DigestLine> cases) {
        }
    };
}
