package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import java.time.Clock;
import java.util.Optional;

/**
 * What other services tell enforcement: a case dispatched (opens it, or re-assigns it in a later
 * routing round), a complaint merged into it, a reporter's survey answer. Each is idempotent:
 * a redelivered event changes nothing.
 */
public class CaseIntake {

    private final Cases cases;
    private final ClockRules rules;
    private final Clock clock;
    private final CaseService service;

    public CaseIntake(Cases cases, ClockRules rules, Clock clock, CaseService service) {
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
        this.service = service;
    }

    public void dispatched(CaseDispatched event) {
        Optional<Case> existing = cases.find(event.caseId());
        if (existing.isEmpty()) {
            try {
                cases.save(Case.open(event, clock.instant(), rules));
                return;
            } catch (Cases.ConcurrentCaseUpdate raced) {
                // another consumer opened it meanwhile: treat as a re-assignment below
            }
        }
        service.update(event.caseId(), c -> c.reassign(event, clock.instant(), rules));
    }

    public void merged(ComplaintMerged event) {
        if (cases.find(event.caseId()).isEmpty()) {
            throw new CaseNotFound(event.caseId());
        }
        service.update(event.caseId(), c -> {
            if (c.addComplaint(event.complaintId())) {
                c.noteMerged(event.complaintId(), event.trackingNumber(), clock.instant());
            }
        });
    }

    public void feedback(ReporterFeedbackReceived event) {
        if (cases.find(event.caseId()).isEmpty()) {
            throw new CaseNotFound(event.caseId());
        }
        service.update(event.caseId(), c -> c.recordFeedback(event.eventId(), event.complaintId(), event.rating(),
                clock.instant(), rules));
    }
}
