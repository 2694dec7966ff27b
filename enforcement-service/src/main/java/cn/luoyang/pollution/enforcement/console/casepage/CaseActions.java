package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which forms a case page offers: the verbs the case's state can take ({@link CaseState#next()})
 * that this person may perform ({@link CaseAccess}). Only a convenience for the page: every
 * submitted action still goes through the application service, which refuses anything else.
 */
public final class CaseActions {

    public enum Verb {
        ACCEPT, RETURN, INSPECT, UNFOUNDED, RECTIFICATION, RECTIFIED, VERIFY, PENALTY, CLOSE, CLOSURE_DECISION,
        EXTENSION, EXTENSION_DECISION, CONTRIBUTION, SUPERVISE, URGE, REOPEN, REINSPECTION, RECTIFICATION_CHECK
    }

    private CaseActions() {
    }

    /** The on-site verbs (现场核查、整改、复查、到期复查): what the inbox marks as waiting for someone on site. */
    public static final Set<Verb> ON_SITE = EnumSet.of(Verb.INSPECT, Verb.UNFOUNDED, Verb.RECTIFIED, Verb.VERIFY,
            Verb.RECTIFICATION_CHECK);

    /** Whether this person can do on-site work on the case now (a grid member's 待现场核查). */
    public static boolean onSiteNow(Officer officer, Case c, Instant now) {
        Set<Verb> verbs = allowed(officer, c, now);
        return ON_SITE.stream().anyMatch(verbs::contains);
    }

    public static Set<Verb> allowed(Officer officer, Case c, Instant now) {
        Set<Verb> verbs = EnumSet.noneOf(Verb.class);
        CaseState state = c.state();
        boolean lead = passes(() -> CaseAccess.requireLeadHandler(officer, c));
        boolean onSite = passes(() -> CaseAccess.requireOnSite(officer, c));
        boolean coHandler = passes(() -> CaseAccess.requireCoHandler(officer, c));
        add(verbs, Verb.ACCEPT, lead && state.canMoveTo(CaseState.ACCEPTED));
        add(verbs, Verb.RETURN, lead && state.canMoveTo(CaseState.RETURNED));
        add(verbs, Verb.INSPECT, onSite && state.canMoveTo(CaseState.INSPECTING));
        add(verbs, Verb.UNFOUNDED, onSite && state.canMoveTo(CaseState.UNFOUNDED));
        add(verbs, Verb.RECTIFICATION, lead && state.canMoveTo(CaseState.RECTIFICATION_ORDERED));
        add(verbs, Verb.RECTIFIED, onSite && state.canMoveTo(CaseState.RECTIFIED));
        // 到期复查: once the order's deadline has passed (before it, the case refuses the finding)
        add(verbs, Verb.RECTIFICATION_CHECK, onSite && c.rectificationCheckDue(now));
        // the inspector never verifies their own case: do not offer what will be refused
        add(verbs, Verb.VERIFY, onSite && state.canMoveTo(CaseState.VERIFIED) && !officer.userId().equals(c.inspectorId()));
        add(verbs, Verb.PENALTY, lead && state.canMoveTo(CaseState.PENALIZED));
        add(verbs, Verb.CLOSE, lead && state.canMoveTo(CaseState.CLOSURE_REQUESTED));
        // 办结审核: nobody who handled the case verifies its closure: do not offer what will be refused
        add(verbs, Verb.CLOSURE_DECISION, c.pendingClosure().isPresent() && !c.handledBy(officer.userId())
                && passes(() -> CaseAccess.requireClosureVerifier(officer, c)));
        add(verbs, Verb.EXTENSION, lead && state.isOpen() && c.pendingExtension().isEmpty());
        add(verbs, Verb.EXTENSION_DECISION, c.pendingExtension().isPresent() && hasRole(officer, c, Role.SUPERVISOR));
        add(verbs, Verb.CONTRIBUTION, coHandler && state.isOpen() && state != CaseState.DISPATCHED);
        add(verbs, Verb.SUPERVISE, !c.listedForSupervision() && hasRole(officer, c, Role.SUPERVISOR, Role.CAMPAIGN_OFFICE));
        add(verbs, Verb.URGE, state.isOpen() && hasRole(officer, c, Role.SUPERVISOR, Role.CAMPAIGN_OFFICE, Role.DISCIPLINE));
        add(verbs, Verb.REOPEN, state.canMoveTo(CaseState.REOPENED) && hasRole(officer, c, Role.SUPERVISOR, Role.CAMPAIGN_OFFICE));
        add(verbs, Verb.REINSPECTION, c.reinspection() != null && c.reinspection().pending()
                && officer.role() == Role.HANDLER && c.reinspection().draw().unit().equals(officer.unit()));
        return verbs;
    }

    private static boolean hasRole(Officer officer, Case c, Role... roles) {
        return passes(() -> CaseAccess.requireRole(officer, c, roles));
    }

    private static void add(Set<Verb> verbs, Verb verb, boolean allowed) {
        if (allowed) {
            verbs.add(verb);
        }
    }

    private static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AccessDenied denied) {
            return false;
        }
    }
}
