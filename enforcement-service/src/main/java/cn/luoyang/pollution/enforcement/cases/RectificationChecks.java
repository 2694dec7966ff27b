package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.RectificationCheckDue;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import java.time.Instant;
import java.util.List;

/**
 * A case's rectification checks (到期复查), one per rectification order whose deadline passed: opened by
 * the RECTIFY clock at the deadline, or by the first finding recorded by hand before the clock's tick;
 * a finding after a failed check is a check of its own. Works on the case's list of
 * {@link RectificationCheck}s, which the case keeps and the store saves.
 */
final class RectificationChecks {

    private final List<RectificationCheck> checks;

    RectificationChecks(List<RectificationCheck> checks) {
        this.checks = checks;
    }

    /**
     * 到期复查 opened by the RECTIFY clock at the order's deadline (when the clock's overdue timer fires,
     * in the same document write): the lead unit, or the case's grid member, must go and check. Signed by
     * the clock; published as {@code RECTIFICATION_CHECK_DUE}. Nothing when the order was checked by hand
     * between the deadline and the clock's tick, or the case has moved on.
     */
    static void deadlinePassed(Case owner, RunningClock rectify, Instant now) {
        String gridId = owner.gridId().orElse(null);
        if (owner.state != CaseState.RECTIFICATION_ORDERED
                || !new RectificationChecks(owner.rectificationChecks).openFor(rectify, now, owner.lead, gridId)) {
            return;
        }
        String eventId = CaseRecord.newId();
        String note = "rectification deadline " + rectify.deadline() + " passed: re-inspection due by " + owner.lead.code()
                + (gridId == null ? "" : " / grid " + gridId);
        owner.record("RECTIFICATION_CHECK_DUE", owner.state, owner.state, CaseClocks.CLOCK, now, List.of(), note, eventId);
        owner.queue(new RectificationCheckDue(eventId, owner.id, rectify.deadline(), owner.lead.code(), gridId, now,
                RectificationCheckDue.VERSION));
    }

    /** Opens the check of this order (the clock's generation) unless one exists; true when it opened one. */
    boolean openFor(RunningClock rectify, Instant now, Unit lead, String gridId) {
        if (checks.stream().anyMatch(check -> check.order() == rectify.generation())) {
            return false;
        }
        checks.add(RectificationCheck.opened(new CheckDue(rectify.generation(), rectify.deadline(), now, lead, gridId)));
        return true;
    }

    /**
     * Records a 到期复查 finding on the case, once the rectification order's deadline has passed: refused
     * when no order stands (its RECTIFY clock running) or its deadline lies ahead.
     */
    static void record(Case owner, boolean rectified, List<String> evidence, String note, Actor actor, Instant now) {
        RunningClock rectify = owner.clocks.active(ClockName.RECTIFY).orElse(null);
        if (owner.state != CaseState.RECTIFICATION_ORDERED || rectify == null) {
            throw new CaseRuleViolation("case " + owner.id + " has no rectification order to check in " + owner.state);
        }
        if (now.isBefore(rectify.deadline())) {
            throw new CaseRuleViolation("the rectification deadline " + rectify.deadline() + " has not passed yet");
        }
        new RectificationChecks(owner.rectificationChecks).record(rectify, owner.lead, owner.gridId().orElse(null),
                new RectificationFinding(rectified, evidence, note, actor, now));
    }

    /** Records a finding on the order's open check, or on a new one when none waits for this order. */
    private void record(RunningClock rectify, Unit lead, String gridId, RectificationFinding finding) {
        Instant now = finding.at();
        int index = checks.size() - 1;
        RectificationCheck open = index >= 0 ? checks.get(index) : null;
        if (open == null || !open.pending() || open.order() != rectify.generation()) {
            open = RectificationCheck.opened(new CheckDue(rectify.generation(), rectify.deadline(), now, lead, gridId));
            checks.add(open);
            index = checks.size() - 1;
        }
        checks.set(index, open.found(finding));
    }
}
