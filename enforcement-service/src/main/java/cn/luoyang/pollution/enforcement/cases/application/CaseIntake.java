package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import java.time.Clock;

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

    /**
     * Opens the case with one insert (the usual event: a new case). The case id is the document's
     * key, so a case that already exists (a later routing round, a redelivery, another replica)
     * refuses the insert and is re-assigned instead: no read before the write.
     */
    public void dispatched(CaseDispatched event) {
        try {
            cases.save(Case.open(event, clock.instant(), rules));
            return;
        } catch (Cases.ConcurrentCaseUpdate exists) {
            // already stored: a later round re-assigns it; a redelivered round is recognised and ignored
        }
        service.update(event.caseId(), c -> c.reassign(event, clock.instant(), rules));
    }

    /** The update reads the case once and refuses an unknown one ({@link CaseNotFound}). */
    public void merged(ComplaintMerged event) {
        service.update(event.caseId(), c -> {
            if (c.addComplaint(event.complaintId())) {
                c.noteMerged(event.complaintId(), event.trackingNumber(), clock.instant());
            }
        });
    }

    public void feedback(ReporterFeedbackReceived event) {
        service.update(event.caseId(), c -> c.recordFeedback(event.eventId(), event.complaintId(), event.rating(),
                clock.instant(), rules));
    }
}
