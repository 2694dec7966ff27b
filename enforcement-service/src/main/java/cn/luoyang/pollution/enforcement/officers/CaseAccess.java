package cn.luoyang.pollution.enforcement.officers;

import cn.luoyang.pollution.enforcement.cases.Case;
import java.util.Arrays;

/**
 * Who may see and act on a case. A handler sees the cases its unit leads, co-handles or
 * re-inspects; a grid member those in its grid (its sign-in's grid, or the roster's team that dispatch
 * sent with the case); the campaign office, supervisors, the discipline
 * office and admins see all. Seeing is checked first, so another unit's handler gets "denied"
 * for every verb, whatever the case's state.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean canView(Officer officer, Case c) {
        return switch (officer.role()) {
            case CAMPAIGN_OFFICE, SUPERVISOR, DISCIPLINE, ADMIN -> true;
            case HANDLER -> c.isLeadOrCoHandler(officer.unit())
                    || (c.reinspection() != null && c.reinspection().draw().unit().equals(officer.unit()));
            case GRID_MEMBER -> (officer.grid() != null && c.gridId().map(officer.grid()::equals).orElse(false))
                    || c.onGridTeam(officer.userId());
            case OPERATOR -> false;
        };
    }

    public static void requireView(Officer officer, Case c) {
        if (!canView(officer, c)) {
            throw new AccessDenied(officer.userId() + " may not see case " + c.id());
        }
    }

    /** Signing, returning, ordering, penalising, closing, asking for more time: the lead unit's handlers. */
    public static void requireLeadHandler(Officer officer, Case c) {
        requireView(officer, c);
        if (officer.role() != Role.HANDLER || !c.lead().equals(officer.unit())) {
            throw new AccessDenied("only a handler of " + c.lead().code() + " may do this");
        }
    }

    /** On-site work (inspect, record rectification, verify): the lead unit's handlers or the case's grid member. */
    public static void requireOnSite(Officer officer, Case c) {
        requireView(officer, c);
        boolean leadHandler = officer.role() == Role.HANDLER && c.lead().equals(officer.unit());
        if (!leadHandler && officer.role() != Role.GRID_MEMBER) {
            throw new AccessDenied("only the lead unit's handlers or the grid member may do on-site work");
        }
    }

    /**
     * 办结审核: a handler of the lead unit or a supervisor; that it is a different person from
     * everyone who handled the case is the case's own rule.
     */
    public static void requireClosureVerifier(Officer officer, Case c) {
        requireView(officer, c);
        boolean leadHandler = officer.role() == Role.HANDLER && c.lead().equals(officer.unit());
        if (!leadHandler && officer.role() != Role.SUPERVISOR) {
            throw new AccessDenied("only a handler of " + c.lead().code() + " or a supervisor may verify a closure");
        }
    }

    /**
     * 取证上传: whoever works on the case (a handler of a unit that sees it: lead, co-handler,
     * re-inspecting unit; or the case's grid member).
     */
    public static void requireEvidenceUploader(Officer officer, Case c) {
        requireView(officer, c);
        if (officer.role() != Role.HANDLER && officer.role() != Role.GRID_MEMBER) {
            throw new AccessDenied("only a handler of a unit on the case or its grid member may upload evidence");
        }
    }

    public static void requireCoHandler(Officer officer, Case c) {
        requireView(officer, c);
        if (officer.role() != Role.HANDLER || !c.coHandlers().contains(officer.unit())) {
            throw new AccessDenied("only a co-handling unit's handler may record a contribution");
        }
    }

    public static void requireRole(Officer officer, Case c, Role... roles) {
        requireView(officer, c);
        requireRole(officer, roles);
    }

    public static void requireRole(Officer officer, Role... roles) {
        if (Arrays.stream(roles).noneMatch(r -> r == officer.role())) {
            throw new AccessDenied("this needs one of the roles " + Arrays.toString(roles));
        }
    }
}
