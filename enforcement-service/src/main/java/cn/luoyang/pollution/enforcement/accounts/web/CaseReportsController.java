package cn.luoyang.pollution.enforcement.accounts.web;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseId}/reports}: what the reporters of a case said (举报内容) — each report's
 * description, address, channel, time, photos and videos, and what the reporter added afterwards —
 * for whoever may read the case (the same access as the case itself). Phone numbers in the text are
 * masked; reports not yet synchronised from complaint-service are not listed.
 */
@RestController
class CaseReportsController {

    private final CaseQueries queries;
    private final ReporterAccounts accounts;

    CaseReportsController(CaseQueries queries, ReporterAccounts accounts) {
        this.queries = queries;
        this.accounts = accounts;
    }

    @GetMapping("/api/cases/{caseId}/reports")
    List<ReporterAccount> reports(Officer officer, @PathVariable String caseId) {
        return accounts.of(queries.get(officer, caseId).complaintIds());
    }
}
