package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every action a person takes on a case, for the REST API and the web console alike: check who
 * may act, load, apply the verb, save (state + history + outgoing event in one document write),
 * then ask the relay to publish. A concurrent change makes it load and apply again.
 */
public class CaseService {

    private static final int ATTEMPTS = 5;

    private final Cases cases;
    private final ClockRules rules;
    private final Clock clock;
    private final EventRelay relay;
    private final ReinspectionSampling sampling;
    private final EvidenceFiles files;

    /** Without a file store: upload references ({@code evidence/…}) are refused, record numbers pass. */
    public CaseService(Cases cases, ClockRules rules, Clock clock, EventRelay relay, ReinspectionSampling sampling) {
        this(cases, rules, clock, relay, sampling, EvidenceFiles.NONE);
    }

    public CaseService(Cases cases, ClockRules rules, Clock clock, EventRelay relay, ReinspectionSampling sampling,
            EvidenceFiles files) {
        this.files = files;
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
        this.relay = relay;
        this.sampling = sampling;
    }

    public Case accept(Officer officer, String caseId, String note) {
        return update(caseId, c -> {
            CaseAccess.requireLeadHandler(officer, c);
            c.accept(officer.actor(), now(), note, rules);
        });
    }

    public Case returnCase(Officer officer, String caseId, String reasonCode, String reason) {
        return update(caseId, c -> {
            CaseAccess.requireLeadHandler(officer, c);
            c.returnCase(officer.actor(), now(), reasonCode, reason);
        });
    }

    public Case startInspection(Officer officer, String caseId, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireOnSite(officer, c);
            c.startInspection(officer.actor(), now(), evidence, note);
        });
    }

    public Case findUnfounded(Officer officer, String caseId, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireOnSite(officer, c);
            c.findUnfounded(officer.actor(), now(), evidence, note);
        });
    }

    public Case orderRectification(Officer officer, String caseId, Instant deadline, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireLeadHandler(officer, c);
            c.orderRectification(officer.actor(), now(), deadline, evidence, note, rules);
        });
    }

    public Case reportRectified(Officer officer, String caseId, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireOnSite(officer, c);
            c.reportRectified(officer.actor(), now(), evidence, note);
        });
    }

    /** 到期复查 finding (lead unit's handler or the case's grid member) once the order's deadline has passed. */
    public Case recordRectificationCheck(Officer officer, String caseId, boolean rectified, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireOnSite(officer, c);
            c.recordRectificationCheck(officer.actor(), now(), rectified, evidence, note);
        });
    }

    public Case verify(Officer officer, String caseId, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireOnSite(officer, c);
            c.verify(officer.actor(), now(), evidence, note);
        });
    }

    public Case penalize(Officer officer, String caseId, Penalty penalty, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireLeadHandler(officer, c);
            c.penalize(officer.actor(), now(), penalty, evidence, note);
        });
    }

    /** 申请办结 with the reply: the case waits for a second person ({@link #decideClosure}). */
    public Case requestClosure(Officer officer, String caseId, String outcome, String reply, List<String> evidence) {
        return update(caseId, c -> {
            CaseAccess.requireLeadHandler(officer, c);
            requireUploadsExist(caseId, evidence);
            c.requestClosure(officer.actor(), now(), outcome, reply, evidence);
        });
    }

    /**
     * 办结审核 by a lead-unit handler or a supervisor who did not handle the case; an approval closes
     * it, and a configurable share of closed cases is drawn for re-inspection in the same write.
     */
    public Case decideClosure(Officer officer, String caseId, boolean approve, String note) {
        return update(caseId, c -> {
            CaseAccess.requireClosureVerifier(officer, c);
            c.decideClosure(officer.actor(), now(), approve, note);
            if (approve) {
                sampling.draw(c).ifPresent(unit -> c.drawForReinspection(unit, now()));
            }
        });
    }

    public Case recordContribution(Officer officer, String caseId, String note, List<String> evidence) {
        return update(caseId, c -> {
            CaseAccess.requireCoHandler(officer, c);
            c.recordContribution(officer.actor(), now(), note, evidence);
        });
    }

    public Case requestExtension(Officer officer, String caseId, int days, String reason) {
        return update(caseId, c -> {
            CaseAccess.requireLeadHandler(officer, c);
            c.requestExtension(officer.actor(), now(), days, reason);
        });
    }

    public Case decideExtension(Officer officer, String caseId, boolean approve, String note) {
        return update(caseId, c -> {
            CaseAccess.requireRole(officer, c, Role.SUPERVISOR);
            c.decideExtension(officer.actor(), now(), approve, note, rules);
        });
    }

    public Case reopen(Officer officer, String caseId, String reason) {
        return update(caseId, c -> {
            CaseAccess.requireRole(officer, c, Role.SUPERVISOR, Role.CAMPAIGN_OFFICE);
            c.reopen(officer.actor(), now(), "SUPERVISOR", reason, rules);
        });
    }

    public Case listForSupervision(Officer officer, String caseId, String note) {
        return update(caseId, c -> {
            CaseAccess.requireRole(officer, c, Role.SUPERVISOR, Role.CAMPAIGN_OFFICE);
            c.listForSupervision(officer.actor(), now(), note);
        });
    }

    public Case urge(Officer officer, String caseId, String note) {
        return update(caseId, c -> {
            CaseAccess.requireRole(officer, c, Role.SUPERVISOR, Role.CAMPAIGN_OFFICE, Role.DISCIPLINE);
            c.urge(officer.actor(), now(), note);
        });
    }

    public Case recordReinspection(Officer officer, String caseId, boolean resolved, List<String> evidence, String note) {
        return update(caseId, c -> {
            CaseAccess.requireView(officer, c);
            CaseAccess.requireRole(officer, Role.HANDLER);
            c.recordReinspection(officer.actor(), now(), resolved, evidence, note, rules);
        });
    }

    /** Fires the due timers of one case (used by the clock scheduler). */
    public int fireDueTimers(String caseId) {
        int[] fired = {0};
        update(caseId, c -> fired[0] = c.fireDueTimers(now()));
        return fired[0];
    }

    Case update(String caseId, Consumer<Case> change) {
        for (int attempt = 1; ; attempt++) {
            Case c = cases.find(caseId).orElseThrow(() -> new CaseNotFound(caseId));
            change.accept(c);
            if (c.newHistory().isEmpty()) {
                return c;
            }
            // a change that queued no event (a merge note, a contribution) leaves nothing to relay:
            // no claim round trip for it; anything an earlier failure left behind goes with the sweep
            boolean queued = !c.newEvents().isEmpty();
            try {
                cases.save(c);
            } catch (Cases.ConcurrentCaseUpdate e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            if (queued) {
                relay.publishSoon(caseId);
            }
            return c;
        }
    }

    /** An upload reference in a closure request must point at a file stored for this case. */
    private void requireUploadsExist(String caseId, List<String> evidence) {
        if (evidence == null) {
            return;
        }
        for (int i = 0; i < evidence.size(); i++) {
            String uploadId = EvidenceFiles.uploadIdOf(evidence.get(i));
            if (uploadId != null && !files.storedFor(caseId, uploadId)) {
                throw new EvidenceNotFound("evidence[" + i + "]", evidence.get(i));
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
