package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.util.List;

/** What a person may look at: their inbox, a case, the supervision list, their re-inspections. */
public class CaseQueries {

    private final Cases cases;

    public CaseQueries(Cases cases) {
        this.cases = cases;
    }

    /** Open cases the officer's unit leads or co-handles (grid members: their grid; oversight roles: all). */
    public List<Case> inbox(Officer officer) {
        return cases.openCases().stream().filter(c -> CaseAccess.canView(officer, c)).toList();
    }

    /** Every case the officer may see, open or closed (the console's 已办 list and its search). */
    public List<Case> visible(Officer officer) {
        return cases.all().stream().filter(c -> CaseAccess.canView(officer, c)).toList();
    }

    public Case get(Officer officer, String caseId) {
        Case c = cases.find(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        CaseAccess.requireView(officer, c);
        return c;
    }

    /** 挂牌督办 list: every case listed for supervision, for the oversight roles. */
    public List<Case> supervised(Officer officer) {
        CaseAccess.requireRole(officer, Role.SUPERVISOR, Role.CAMPAIGN_OFFICE, Role.DISCIPLINE, Role.ADMIN);
        return cases.all().stream().filter(Case::listedForSupervision).toList();
    }

    /** Closed cases drawn for re-inspection by the officer's unit and not yet re-inspected. */
    public List<Case> reinspections(Officer officer) {
        return cases.all().stream()
                .filter(c -> c.reinspection() != null && c.reinspection().pending())
                .filter(c -> officer.role().readsAll() || c.reinspection().draw().unit().equals(officer.unit()))
                .toList();
    }
}
