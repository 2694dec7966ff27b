package cn.luoyang.pollution.dispatch.dispatching;

import java.util.Set;

/** Where a case stands from dispatch's point of view. */
public enum CaseStatus {
    /** With a department; a merge target for new complaints. */
    OPEN,
    /** Returned too often (or no department left): the campaign office (攻坚办) decides. Still a merge target. */
    AWAITING_ARBITRATION,
    /** Closed by enforcement; no longer a merge target. */
    CLOSED;

    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(OPEN, AWAITING_ARBITRATION, CLOSED);
            case AWAITING_ARBITRATION -> Set.of(OPEN, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean canBecome(CaseStatus target) {
        return next().contains(target);
    }
}
