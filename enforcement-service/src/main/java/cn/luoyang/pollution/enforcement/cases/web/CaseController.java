package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.officers.Officer;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The handler API: read a case, and one POST per verb. Each call is one signed action. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseService service;
    private final CaseQueries queries;
    private final Clock clock;

    CaseController(CaseService service, CaseQueries queries, Clock clock) {
        this.service = service;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    List<CaseSummary> inbox(Officer officer) {
        return queries.inbox(officer).stream().map(c -> CaseSummary.of(c, clock.instant()))
                .sorted(CaseSummary.BY_DEADLINE).toList();
    }

    @GetMapping("/{caseId}")
    CaseView get(Officer officer, @PathVariable String caseId) {
        return view(queries.get(officer, caseId));
    }

    @PostMapping("/{caseId}/accept")
    CaseView accept(Officer officer, @PathVariable String caseId, @RequestBody(required = false) CaseRequests.Note body) {
        return view(service.accept(officer, caseId, body == null ? null : body.note()));
    }

    @PostMapping("/{caseId}/return")
    CaseView returnCase(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Return body) {
        return view(service.returnCase(officer, caseId, body.reasonCode(), body.reason()));
    }

    @PostMapping("/{caseId}/inspection")
    CaseView inspect(Officer officer, @PathVariable String caseId, @RequestBody(required = false) CaseRequests.OptionalEvidence body) {
        return view(service.startInspection(officer, caseId, body == null || body.evidence() == null ? List.of() : body.evidence(),
                body == null ? null : body.note()));
    }

    @PostMapping("/{caseId}/unfounded")
    CaseView unfounded(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Evidence body) {
        return view(service.findUnfounded(officer, caseId, body.evidence(), body.note()));
    }

    @PostMapping("/{caseId}/rectification-order")
    CaseView order(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Rectification body) {
        return view(service.orderRectification(officer, caseId, body.deadline(), body.evidence(), body.note()));
    }

    @PostMapping("/{caseId}/rectified")
    CaseView rectified(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Evidence body) {
        return view(service.reportRectified(officer, caseId, body.evidence(), body.note()));
    }

    /** 到期复查: the finding of the re-inspection a passed rectification deadline brings. */
    @PostMapping("/{caseId}/rectification-check")
    CaseView checkRectification(Officer officer, @PathVariable String caseId,
            @Valid @RequestBody CaseRequests.RectificationCheckFinding body) {
        return view(service.recordRectificationCheck(officer, caseId, body.rectified(), body.evidence(), body.note()));
    }

    @PostMapping("/{caseId}/verification")
    CaseView verify(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Evidence body) {
        return view(service.verify(officer, caseId, body.evidence(), body.note()));
    }

    @PostMapping("/{caseId}/penalty")
    CaseView penalize(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.PenaltyRequest body) {
        return view(service.penalize(officer, caseId, new Penalty(body.kind(), body.amountYuan(), body.decisionNumber()),
                body.evidence(), body.note()));
    }

    /** 申请办结: the case waits in CLOSURE_REQUESTED until a second person decides. */
    @PostMapping("/{caseId}/close")
    CaseView close(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Close body) {
        return view(service.requestClosure(officer, caseId, body.outcome(), body.reply(),
                body.evidence() == null ? List.of() : body.evidence(),
                body.inspectionRecord() == null ? null : body.inspectionRecord().toRecord()));
    }

    /** 办结审核: approve (→ CLOSED) or reject with a reason (→ back to where the request came from). */
    @PostMapping("/{caseId}/closure-decision")
    CaseView decideClosure(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.ClosureDecision body) {
        return view(service.decideClosure(officer, caseId, body.approve(), body.note()));
    }

    @PostMapping("/{caseId}/contributions")
    CaseView contribute(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Contribution body) {
        return view(service.recordContribution(officer, caseId, body.note(), body.evidence() == null ? List.of() : body.evidence()));
    }

    @PostMapping("/{caseId}/extension-request")
    CaseView requestExtension(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.ExtensionRequest body) {
        return view(service.requestExtension(officer, caseId, body.days(), body.reason()));
    }

    @PostMapping("/{caseId}/extension-decision")
    CaseView decideExtension(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.ExtensionDecision body) {
        return view(service.decideExtension(officer, caseId, body.approve(), body.note()));
    }

    @PostMapping("/{caseId}/reopen")
    CaseView reopen(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.Reason body) {
        return view(service.reopen(officer, caseId, body.reason()));
    }

    @PostMapping("/{caseId}/supervision")
    CaseView supervise(Officer officer, @PathVariable String caseId, @RequestBody(required = false) CaseRequests.Note body) {
        return view(service.listForSupervision(officer, caseId, body == null ? null : body.note()));
    }

    @PostMapping("/{caseId}/urge")
    CaseView urge(Officer officer, @PathVariable String caseId, @RequestBody(required = false) CaseRequests.Note body) {
        return view(service.urge(officer, caseId, body == null ? null : body.note()));
    }

    @PostMapping("/{caseId}/reinspection")
    CaseView reinspect(Officer officer, @PathVariable String caseId, @Valid @RequestBody CaseRequests.ReinspectionFinding body) {
        return view(service.recordReinspection(officer, caseId, body.resolved(), body.evidence(), body.note()));
    }

    private CaseView view(Case c) {
        return CaseView.of(c, clock.instant());
    }
}
