package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseDrawnForReinspection;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.cases.CaseFoundUnfounded;
import cn.luoyang.pollution.contracts.cases.CaseInspected;
import cn.luoyang.pollution.contracts.cases.CaseListedForSupervision;
import cn.luoyang.pollution.contracts.cases.CasePenalized;
import cn.luoyang.pollution.contracts.cases.CaseRectified;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.cases.CaseUrged;
import cn.luoyang.pollution.contracts.cases.CaseVerified;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.ClosureRejected;
import cn.luoyang.pollution.contracts.cases.ClosureRequested;
import cn.luoyang.pollution.contracts.cases.ContributionRecorded;
import cn.luoyang.pollution.contracts.cases.ExtensionRefused;
import cn.luoyang.pollution.contracts.cases.ExtensionRequested;
import cn.luoyang.pollution.contracts.cases.RectificationChecked;
import cn.luoyang.pollution.contracts.cases.RectificationOrdered;
import cn.luoyang.pollution.contracts.cases.ReinspectionConfirmed;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import java.time.Instant;
import java.util.List;

/**
 * A case (案件): one incident, the complaints that report it, the unit that must answer for it,
 * and everything done about it.
 *
 * <p>Keeps consistent: the state only moves along {@link CaseState#next()}; every verb is signed by
 * an {@link Actor}, appends exactly one {@link HistoryEntry} and queues exactly one event for
 * {@code cases.lifecycle}; only the lead unit asks to close, always citing {@link Evidence} that exists,
 * and a second person who neither handled the case nor signed or supplied that evidence approves it
 * (办结审核); the person who verifies a rectification is
 * not the person who inspected; deadlines run on the case's clocks ({@link CaseClocks}).
 * Time always comes from the caller (the injected clock), never from the system.
 */
public class Case extends CaseRecord {

    public static final Actor DISPATCH = new Actor("dispatch-service", "SYSTEM", "DISPATCH");

    Case() {
    }

    /** A case as a store read it ({@link CaseSnapshot}); nothing is new until a verb runs. */
    public static Case restore(CaseSnapshot stored) {
        Case c = new Case();
        c.restoreFrom(stored);
        return c;
    }

    /** 派单: a new case from dispatch; its sign and close clocks start now. */
    public static Case open(CaseDispatched d, Instant now, ClockRules rules) {
        Case c = new Case();
        Routing.describe(c, d, now, rules);
        c.state = CaseState.DISPATCHED;
        Routing.assign(c, d, now, rules);
        c.record("DISPATCHED", null, CaseState.DISPATCHED, DISPATCH, now, List.of(), "routing round " + d.routingRound()
                + " to " + c.lead.code(), null);
        return c;
    }

    /**
     * A later routing round (re-routed after a return, or arbitrated by the campaign office).
     * Returns false for a round already seen: redelivery changes nothing.
     */
    public boolean reassign(CaseDispatched d, Instant now, ClockRules rules) {
        if (d.routingRound() <= routingRound) {
            return false;
        }
        CaseState from = state;
        guard(CaseState.DISPATCHED);
        clocks.stop(ClockName.SIGN, now);
        Routing.assign(this, d, now, rules);
        state = CaseState.DISPATCHED;
        record("DISPATCHED", from, CaseState.DISPATCHED, DISPATCH, now, List.of(),
                "routing round " + d.routingRound() + " to " + lead.code() + (d.arbitrated() ? " (arbitrated)" : ""), null);
        return true;
    }

    /** A co-reporter's complaint joined the case; it gets the reply at closure too. */
    public boolean addComplaint(String complaintId) {
        if (complaintIds.contains(complaintId)) {
            return false;
        }
        complaintIds.add(complaintId);
        return true;
    }

    /** History only: the merge is dispatch's decision, already published by dispatch. */
    public void noteMerged(String complaintId, String trackingNumber, Instant now) {
        record("COMPLAINT_MERGED", state, state, DISPATCH, now, List.of(), complaintId + " (" + trackingNumber + ")", null);
    }

    /** 签收. */
    public void accept(Actor actor, Instant now, String note, ClockRules rules) {
        requireLead(actor);
        CaseState from = move(CaseState.ACCEPTED);
        clocks.stop(ClockName.SIGN, now);
        new Assignments(assignments).signOff(SignOff.Answer.ACCEPTED, now);
        clocks.restart(ClockName.ONSITE, now, rules.deadline(rules.profileFor(category, priority, deadlineProfile).onsite(), now),
                rules);
        step("ACCEPTED", from, actor, now, List.of(), note,
                eventId -> new CaseAccepted(eventId, id, lead.department(), actor, now, CaseAccepted.VERSION));
    }

    /** 退单, with a reason code; dispatch re-routes the case without this department. */
    public void returnCase(Actor actor, Instant now, String reasonCode, String reason) {
        requireLead(actor);
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new CaseRuleViolation("a return needs a reason code");
        }
        CaseState from = move(CaseState.RETURNED);
        clocks.stop(ClockName.SIGN, now);
        new Assignments(assignments).signOff(SignOff.Answer.RETURNED, now);
        returnCount++;
        step("RETURNED", from, actor, now, List.of(), reasonCode + ": " + reason, eventId -> new CaseReturned(eventId, id,
                lead.department(), reasonCode, reason, returnCount, actor, now, CaseReturned.VERSION));
    }

    /** 现场核查 begins; the inspector is remembered so that someone else verifies. */
    public void startInspection(Actor actor, Instant now, List<String> evidence, String note) {
        CaseState from = move(CaseState.INSPECTING);
        inspectorId = actor.userId();
        clocks.stop(ClockName.ONSITE, now);
        step("INSPECTION_STARTED", from, actor, now, evidence, note,
                eventId -> new CaseInspected(eventId, id, listOf(evidence), note, actor, now, CaseInspected.VERSION));
    }

    /** 不属实: nothing found; the evidence (inspection record, photos) is required. */
    public void findUnfounded(Actor actor, Instant now, List<String> evidence, String note) {
        requireEvidence(evidence);
        CaseState from = move(CaseState.UNFOUNDED);
        step("FOUND_UNFOUNDED", from, actor, now, evidence, note,
                eventId -> new CaseFoundUnfounded(eventId, id, listOf(evidence), note, actor, now, CaseFoundUnfounded.VERSION));
    }

    /** 限期整改: the polluter must rectify by {@code deadline}; the RECTIFY clock (整改期限) runs to it. */
    public void orderRectification(Actor actor, Instant now, Instant deadline, List<String> evidence, String note,
            ClockRules rules) {
        requireLead(actor);
        requireEvidence(evidence);
        if (deadline == null || !deadline.isAfter(now)) {
            throw new CaseRuleViolation("a rectification order needs a deadline in the future");
        }
        CaseState from = move(CaseState.RECTIFICATION_ORDERED);
        rectificationDeadline = deadline;
        clocks.restart(ClockName.RECTIFY, now, deadline, rules);
        step("RECTIFICATION_ORDERED", from, actor, now, evidence, "rectify by " + deadline + (note == null ? "" : "; " + note),
                eventId -> new RectificationOrdered(eventId, id, deadline, listOf(evidence), note, actor, now,
                        RectificationOrdered.VERSION));
    }

    /** 已整改: the polluter's rectification is recorded; the RECTIFY clock stops. */
    public void reportRectified(Actor actor, Instant now, List<String> evidence, String note) {
        requireEvidence(evidence);
        CaseState from = move(CaseState.RECTIFIED);
        clocks.stop(ClockName.RECTIFY, now);
        step("RECTIFIED", from, actor, now, evidence, note,
                eventId -> new CaseRectified(eventId, id, listOf(evidence), note, actor, now, CaseRectified.VERSION));
    }

    /**
     * 到期复查 finding, once the order's deadline has passed: RECTIFIED moves the case to
     * {@link CaseState#RECTIFIED} and stops the RECTIFY clock; NOT_RECTIFIED keeps the order and its
     * clock (escalating) until the problem is fixed or penalised. Evidence is required.
     */
    public void recordRectificationCheck(Actor actor, Instant now, boolean rectified, List<String> evidence, String note) {
        requireEvidence(evidence);
        RectificationChecks.record(this, rectified, evidence, note, actor, now);
        if (rectified) {
            CaseState from = move(CaseState.RECTIFIED);
            clocks.stop(ClockName.RECTIFY, now);
            step("RECTIFICATION_CHECK_PASSED", from, actor, now, evidence, note, eventId -> new RectificationChecked(eventId, id,
                    true, listOf(evidence), note, actor, now, RectificationChecked.VERSION));
        } else {
            step("RECTIFICATION_CHECK_FAILED", state, actor, now, evidence, note, eventId -> new RectificationChecked(eventId, id,
                    false, listOf(evidence), note, actor, now, RectificationChecked.VERSION));
        }
    }

    /** 复查: must be someone other than the inspector (谁排查谁画押, and nobody checks their own work). */
    public void verify(Actor actor, Instant now, List<String> evidence, String note) {
        requireEvidence(evidence);
        if (actor.userId().equals(inspectorId)) {
            throw new CaseRuleViolation("the inspector " + inspectorId + " cannot verify their own case");
        }
        CaseState from = move(CaseState.VERIFIED);
        step("VERIFIED", from, actor, now, evidence, note,
                eventId -> new CaseVerified(eventId, id, listOf(evidence), note, actor, now, CaseVerified.VERSION));
    }

    public void penalize(Actor actor, Instant now, Penalty imposed, List<String> evidence, String note) {
        requireLead(actor);
        requireEvidence(evidence);
        CaseState from = move(CaseState.PENALIZED);
        clocks.stop(ClockName.RECTIFY, now);
        penalty = imposed;
        step("PENALIZED", from, actor, now, evidence, imposed.kind()
                + (imposed.amountYuan() == null ? "" : " " + imposed.amountYuan() + " yuan") + (note == null ? "" : "; " + note),
                eventId -> new CasePenalized(eventId, id, imposed.kind().name(), imposed.amountYuan(), imposed.decisionNumber(),
                        listOf(evidence), note, actor, now, CasePenalized.VERSION));
    }

    /**
     * 申请办结: the lead unit proposes the closure with a written reply and the evidence it rests on
     * (files uploaded to this case, an inspection record with its signer, or both: never nothing,
     * whichever state the case is closed from); the case waits in {@link CaseState#CLOSURE_REQUESTED}
     * for a second person ({@link #decideClosure}). Nothing closes yet: no closing event, and the
     * clocks keep running until the approval.
     */
    public void requestClosure(Actor actor, Instant now, String outcome, String reply, Evidence evidence) {
        requireLead(actor);
        if (reply == null || reply.isBlank()) {
            throw new CaseRuleViolation("closing needs a written reply to the reporter");
        }
        guard(CaseState.CLOSURE_REQUESTED);
        ClosureReview.requireEvidence(evidence, id, openedAt, now);
        String result = outcome != null && !outcome.isBlank() ? outcome : ClosureReview.defaultOutcome(state);
        CaseState from = move(CaseState.CLOSURE_REQUESTED);
        new ClosureReview(closureRequests).propose(new ClosureProposal(from, result, reply, evidence, actor, now));
        step("CLOSURE_REQUESTED", from, actor, now, evidence.references(), reply, eventId -> new ClosureRequested(eventId, id,
                result, reply, listOf(evidence.references()), actor, now, ClosureRequested.VERSION));
    }

    /**
     * 办结审核: a second person approves (→ {@link CaseState#CLOSED}: the closing event, the clocks
     * stop) or rejects with a reason (→ back to the state the request came from). The verifier reads
     * the proposed reply and the cited evidence, and may not be anyone who signed the handling on the
     * case's timeline (accepted, inspected, found, ordered, rectified, verified, penalised, requested
     * the closure), nor the signer of the cited inspection record, nor the uploader of a cited file.
     */
    public void decideClosure(Actor actor, Instant now, boolean approve, String note) {
        ClosureReview review = new ClosureReview(closureRequests);
        ClosureProposal request = review.decidable(actor, approve, note, history, id);
        if (!approve) {
            CaseState from = move(request.from());
            review.decide(new Decision(false, actor, now, note));
            step("CLOSURE_REJECTED", from, actor, now, List.of(), note,
                    eventId -> new ClosureRejected(eventId, id, note, actor, now, ClosureRejected.VERSION));
            return;
        }
        Instant deadline = clocks.deadlineOf(ClockName.CLOSE).orElse(null);
        CaseState from = move(CaseState.CLOSED);
        clocks.stopAll(now);
        review.decide(new Decision(true, actor, now, note));
        closures.add(new Closure(now, request.outcome(), request.reply(), deadline, request.by()));
        step("CLOSED", from, actor, now, request.cited().references(), request.reply(), eventId -> new CaseClosed(eventId, id,
                request.outcome(), request.reply(), List.copyOf(complaintIds), actor, now, CaseClosed.VERSION));
    }

    /** 重办: the close clock restarts with the shorter reopening limit. */
    public void reopen(Actor actor, Instant now, String cause, String reason, ClockRules rules) {
        CaseState from = move(CaseState.REOPENED);
        reopenCount++;
        Instant deadline = rules.reopenedCloseDeadline(now);
        clocks.restart(ClockName.CLOSE, now, deadline, rules);
        step("REOPENED", from, actor, now, List.of(), cause + ": " + reason,
                eventId -> new CaseReopened(eventId, id, cause, reason, deadline, actor, now, CaseReopened.VERSION));
    }

    /** 协办: a co-handling unit records its part; the state does not move. */
    public void recordContribution(Actor actor, Instant now, String note, List<String> evidence) {
        Unit unit = Unit.parse(actor.unit());
        if (!coHandlers.contains(unit)) {
            throw new CaseRuleViolation(unit.code() + " is not a co-handler of " + id);
        }
        if (!state.isOpen() || state == CaseState.DISPATCHED) {
            throw new CaseRuleViolation("contributions are recorded while the case is being handled, not in " + state);
        }
        contributions.add(new Contribution(unit, note, evidence, actor, now));
        step("CONTRIBUTION_RECORDED", state, actor, now, evidence, note, eventId -> new ContributionRecorded(eventId, id,
                unit.code(), listOf(evidence), note, actor, now, ContributionRecorded.VERSION));
    }

    /** 申请延期: the lead asks for more days with a reason; a supervisor decides. */
    public void requestExtension(Actor actor, Instant now, int days, String reason) {
        requireLead(actor);
        if (!state.isOpen()) {
            throw new CaseRuleViolation("only an open case can be extended");
        }
        new Extensions(extensions).request(actor, now, days, reason);
        step("EXTENSION_REQUESTED", state, actor, now, List.of(), days + " days: " + reason,
                eventId -> new ExtensionRequested(eventId, id, days, reason, actor, now, ExtensionRequested.VERSION));
    }

    /** A supervisor decides; approval moves the close deadline, never beyond the 12369 bound. */
    public void decideExtension(Actor actor, Instant now, boolean approve, String note, ClockRules rules) {
        Extensions requests = new Extensions(extensions);
        if (!approve) {
            requests.refuse(actor, now);
            step("EXTENSION_REFUSED", state, actor, now, List.of(), note,
                    eventId -> new ExtensionRefused(eventId, id, note, actor, now, ExtensionRefused.VERSION));
            return;
        }
        if (requests.pending().isEmpty()) {
            throw new CaseRuleViolation("no extension request is waiting");
        }
        RunningClock close = clocks.active(ClockName.CLOSE)
                .orElseThrow(() -> new CaseRuleViolation("the close clock is not running"));
        Extension approved = requests.approve(actor, now, close, openedAt, rules);
        Instant deadline = approved.newDeadline();
        clocks.restart(ClockName.CLOSE, now, deadline, rules);
        step("EXTENDED", state, actor, now, List.of(), approved.request().reason(), eventId -> new CaseExtended(eventId, id,
                approved.request().reason(), deadline, actor, now, CaseExtended.VERSION));
    }

    /** 挂牌督办. */
    public void listForSupervision(Actor actor, Instant now, String note) {
        if (listedForSupervision) {
            throw new CaseRuleViolation("the case is already listed for supervision");
        }
        listedForSupervision = true;
        step("LISTED_FOR_SUPERVISION", state, actor, now, List.of(), note, eventId -> new CaseListedForSupervision(eventId, id,
                note, actor, now, CaseListedForSupervision.VERSION));
    }

    /** 催办. */
    public void urge(Actor actor, Instant now, String note) {
        if (!state.isOpen()) {
            throw new CaseRuleViolation("only an open case can be urged");
        }
        urgeCount++;
        step("URGED", state, actor, now, List.of(), note,
                eventId -> new CaseUrged(eventId, id, note, actor, now, CaseUrged.VERSION));
    }

    /** Drawn for random re-inspection by another unit (随机抽查, {@link Reinspection}). */
    public void drawForReinspection(Unit by, Instant now) {
        reinspection = Reinspection.drawn(by, lead, state, now);
        step("DRAWN_FOR_REINSPECTION", state, Reinspection.SAMPLER, now, List.of(), "by " + by.code(),
                eventId -> new CaseDrawnForReinspection(eventId, id, by.code(), Reinspection.SAMPLER, now,
                        CaseDrawnForReinspection.VERSION));
    }

    /** The re-inspecting unit's finding: NOT_RESOLVED reopens the case. */
    public void recordReinspection(Actor actor, Instant now, boolean resolved, List<String> evidence, String note, ClockRules rules) {
        if (reinspection == null) {
            throw new CaseRuleViolation("no re-inspection is waiting on this case");
        }
        Reinspection found = reinspection.found(resolved, note, actor, now);
        requireEvidence(evidence);
        reinspection = found;
        if (resolved) {
            step("REINSPECTION_CONFIRMED", state, actor, now, evidence, note, eventId -> new ReinspectionConfirmed(eventId, id,
                    listOf(evidence), note, actor, now, ReinspectionConfirmed.VERSION));
        } else {
            reopen(actor, now, "REINSPECTION", note == null ? "re-inspection found the problem unresolved" : note, rules);
        }
    }

    /**
     * The reporter's survey answer. Redelivery is harmless (by event id); UNSATISFIED reopens a
     * closed case. Returns false when the event was seen before.
     */
    public boolean recordFeedback(String eventId, String complaintId, Satisfaction rating, Instant now, ClockRules rules) {
        if (!new ReporterFeedback(feedback, processedEvents).record(eventId, complaintId, rating, closures.size(), now)) {
            return false;
        }
        Actor reporter = ReporterFeedback.reporter(complaintId);
        if (rating == Satisfaction.UNSATISFIED && state == CaseState.CLOSED) {
            reopen(reporter, now, "REPORTER_UNSATISFIED", "the reporter was not satisfied with the reply", rules);
        } else {
            record("FEEDBACK_" + rating, state, state, reporter, now, List.of(), null, null);
        }
        return true;
    }

    /** Fires every clock timer due at {@code now}, each once; returns how many fired. */
    public int fireDueTimers(Instant now) {
        return clocks.fireDue(now, this);
    }

    // --- guards ----------------------------------------------------------------------------

    private CaseState move(CaseState to) {
        CaseState from = state;
        guard(to);
        state = to;
        return from;
    }

    private void guard(CaseState to) {
        if (!state.canMoveTo(to)) {
            throw new CaseRuleViolation("case " + id + " cannot go from " + state + " to " + to);
        }
    }

    private void requireLead(Actor actor) {
        if (!lead.code().equals(actor.unit())) {
            throw new CaseRuleViolation("only the lead unit " + lead.code() + " may do this, not " + actor.unit());
        }
    }

    private static void requireEvidence(List<String> evidence) {
        if (evidence == null || evidence.stream().allMatch(e -> e == null || e.isBlank())) {
            throw new CaseRuleViolation("this step needs evidence (inspection record, photos)");
        }
    }

    private static List<String> listOf(List<String> evidence) {
        return evidence == null ? List.of() : List.copyOf(evidence);
    }
}
