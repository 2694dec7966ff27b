package cn.luoyang.pollution.notification.units;

import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;

/** Tells a responsible unit (责任单位) about a new case or an overdue one. */
public interface UnitAlerts {

    void newCase(CaseDispatched event);

    void overdue(CaseOverdue event);
}
