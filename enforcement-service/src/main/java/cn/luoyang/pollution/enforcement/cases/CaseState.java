package cn.luoyang.pollution.enforcement.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the loop 派单 → 签收/退单 → 现场核查 → 认定 → 整改/处罚 → 复查 → 办结 → 回访.
 * Each state knows the states it may move to; the {@link Case} verbs refuse anything else.
 */
public enum CaseState {
    /** 派单: assigned to a lead unit, waiting to be signed for or returned. */
    DISPATCHED,
    /** 签收: the lead unit took the case. */
    ACCEPTED,
    /** 退单: the unit says it is not theirs; dispatch re-routes it. */
    RETURNED,
    /** 现场核查: someone is on site. */
    INSPECTING,
    /** 不属实: the inspection found nothing to act on. */
    UNFOUNDED,
    /** 限期整改: the polluter must fix it by a deadline. */
    RECTIFICATION_ORDERED,
    /** 已整改: the polluter reports it fixed. */
    RECTIFIED,
    /** 复查: a different person checked the rectification. */
    VERIFIED,
    /** 处罚: fine, suspension of production, closure or referral to the police. */
    PENALIZED,
    /** 办结待审核: the lead unit proposed a closure; a second person must approve it. */
    CLOSURE_REQUESTED,
    /** 办结: closed with a written reply to the reporter, approved by a second person. */
    CLOSED,
    /** 重办: the reporter was unsatisfied, a supervisor or a re-inspection reopened it. */
    REOPENED;

    public Set<CaseState> next() {
        return switch (this) {
            // DISPATCHED → DISPATCHED: the campaign office re-routes an unsigned case (arbitration).
            case DISPATCHED -> EnumSet.of(ACCEPTED, RETURNED, DISPATCHED);
            case RETURNED -> EnumSet.of(DISPATCHED);
            // ACCEPTED → CLOSURE_REQUESTED: handled on the spot at the first visit (当场办结); needs evidence.
            case ACCEPTED -> EnumSet.of(INSPECTING, CLOSURE_REQUESTED);
            case INSPECTING -> EnumSet.of(UNFOUNDED, RECTIFICATION_ORDERED, PENALIZED);
            case RECTIFICATION_ORDERED -> EnumSet.of(RECTIFIED, PENALIZED);
            // RECTIFIED → RECTIFICATION_ORDERED: the check found it not fixed; a new order follows.
            case RECTIFIED -> EnumSet.of(VERIFIED, RECTIFICATION_ORDERED);
            case PENALIZED -> EnumSet.of(RECTIFICATION_ORDERED, CLOSURE_REQUESTED);
            case UNFOUNDED, VERIFIED -> EnumSet.of(CLOSURE_REQUESTED);
            // 办结审核: the only way to CLOSED; a rejection goes back to where the request came from
            // (the Case allows only that one of the four).
            case CLOSURE_REQUESTED -> EnumSet.of(CLOSED, ACCEPTED, PENALIZED, UNFOUNDED, VERIFIED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(INSPECTING);
        };
    }

    public boolean canMoveTo(CaseState target) {
        return next().contains(target);
    }

    /** Open cases are in somebody's inbox; a returned case waits for dispatch, not for a handler. */
    public boolean isOpen() {
        return this != CLOSED && this != RETURNED;
    }
}
