package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.CaseSnapshot;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt at a batch of intake events, in memory: the cases as one read found them, each event applied
 * in poll order to its case (a case opened by an earlier event of the batch is there for the next one), and
 * the events that can never apply set aside with their reason. A refused event leaves its case as it was:
 * the case is rebuilt from what was read and the events accepted before.
 */
final class IntakeBatch {

    private final Map<String, Case> cases;
    private final Map<String, CaseSnapshot> asRead = new HashMap<>();
    private final Map<String, List<Event>> accepted = new HashMap<>();
    private final List<CaseIntake.Refusal> refusals = new ArrayList<>();
    private final ClockRules rules;
    private final Clock clock;

    IntakeBatch(Map<String, Case> read, ClockRules rules, Clock clock) {
        this.cases = new LinkedHashMap<>(read);
        read.forEach((id, c) -> asRead.put(id, c.snapshot()));
        this.rules = rules;
        this.clock = clock;
    }

    /** The case an intake event concerns, or null for one this service does not act on (e.g. DispatchFailed). */
    static String caseIdOf(Event event) {
        if (event instanceof CaseDispatched d) {
            return d.caseId();
        }
        if (event instanceof ComplaintMerged m) {
            return m.caseId();
        }
        return event instanceof ReporterFeedbackReceived f ? f.caseId() : null;
    }

    void apply(Event event) {
        String caseId = caseIdOf(event);
        if (caseId == null) {
            return;
        }
        try {
            applyTo(caseId, event);
            accepted.computeIfAbsent(caseId, id -> new ArrayList<>()).add(event);
        } catch (CaseNotFound e) {
            refuse(caseId, new CaseIntake.Refusal(event, "unknown-case", e.getMessage()));
        } catch (CaseRuleViolation e) {
            refuse(caseId, new CaseIntake.Refusal(event, "case-state-conflict", event.eventId() + ": " + e.getMessage()));
        }
    }

    /** The same decisions as {@link CaseIntake}'s one-by-one methods. */
    private void applyTo(String caseId, Event event) {
        Case c = cases.get(caseId);
        if (event instanceof CaseDispatched d) {
            if (c == null) {
                cases.put(caseId, Case.open(d, clock.instant(), rules));
            } else {
                c.reassign(d, clock.instant(), rules);
            }
            return;
        }
        if (c == null) {
            throw new CaseNotFound(caseId);
        }
        if (event instanceof ComplaintMerged m) {
            if (c.addComplaint(m.complaintId())) {
                c.noteMerged(m.complaintId(), m.trackingNumber(), clock.instant());
            }
        } else if (event instanceof ReporterFeedbackReceived f) {
            c.recordFeedback(f.eventId(), f.complaintId(), f.rating(), clock.instant(), rules);
        }
    }

    private void refuse(String caseId, CaseIntake.Refusal refusal) {
        refusals.add(refusal);
        CaseSnapshot read = asRead.get(caseId);
        if (read == null) {
            cases.remove(caseId);
        } else {
            cases.put(caseId, Case.restore(read));
        }
        for (Event earlier : accepted.getOrDefault(caseId, List.of())) {
            applyTo(caseId, earlier);
        }
    }

    /** The cases this batch opened or changed, to be written. */
    List<Case> changed() {
        return cases.values().stream().filter(c -> !c.newHistory().isEmpty()).toList();
    }

    List<CaseIntake.Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
