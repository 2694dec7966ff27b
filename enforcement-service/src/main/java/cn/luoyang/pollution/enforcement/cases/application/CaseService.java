package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.Evidence;
import cn.luoyang.pollution.enforcement.cases.EvidenceFile;
import cn.luoyang.pollution.enforcement.cases.InspectionRecord;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Without a file store: every upload reference is refused; a closure can cite an inspection record only. */
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

    /**
     * 申请办结 with the reply and its evidence: the files ({@code evidence/<id>/<name>} references of
     * uploads to this case) and/or an inspection record; the case waits for a second person
     * ({@link #decideClosure}). An item that is no upload of this case is refused ({@link EvidenceNotFound}).
     */
    public Case requestClosure(Officer officer, String caseId, String outcome, String reply, List<String> references,
            InspectionRecord inspection) {
        return update(caseId, c -> {
            CaseAccess.requireLeadHandler(officer, c);
            c.requestClosure(officer.actor(), now(), outcome, reply, Evidence.of(uploads(caseId, references), inspection));
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

    /** Each cited item must be a file uploaded to this case; anything else (free text, another case's file) is refused. */
    private List<EvidenceFile> uploads(String caseId, List<String> references) {
        List<EvidenceFile> found = new ArrayList<>();
        if (references == null) {
            return found;
        }
        for (int i = 0; i < references.size(); i++) {
            String uploadId = EvidenceFile.uploadIdOf(references.get(i));
            EvidenceFile file = uploadId == null ? null : files.find(caseId, uploadId).orElse(null);
            if (file == null) {
                throw new EvidenceNotFound("evidence[" + i + "]", String.valueOf(references.get(i)));
            }
            if (found.stream().noneMatch(f -> f.uploadId().equals(file.uploadId()))) {
                found.add(file);
            }
        }
        return found;
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
