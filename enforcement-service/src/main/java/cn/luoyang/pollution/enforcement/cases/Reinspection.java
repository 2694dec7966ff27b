package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 随机抽查: a closed case drawn for a second look by a unit other than the one that closed it.
 * {@code finding} is CONFIRMED or NOT_RESOLVED once recorded; NOT_RESOLVED reopens the case.
 */
public record Reinspection(Unit unit, Instant drawnAt, String finding, String note, Actor actor, Instant at) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String NOT_RESOLVED = "NOT_RESOLVED";

    /** Draws a closed case for another unit than its lead. */
    static Reinspection draw(Unit by, Unit lead, CaseState state, Instant at) {
        if (state != CaseState.CLOSED) {
            throw new CaseRuleViolation("only closed cases are re-inspected");
        }
        if (by.equals(lead)) {
            throw new CaseRuleViolation("re-inspection must be done by another unit than " + lead.code());
        }
        return new Reinspection(by, at, null, null, null, null);
    }

    public boolean pending() {
        return finding == null;
    }

    /** The drawn unit's finding; only that unit records it, once. */
    Reinspection found(boolean resolved, String text, Actor by, Instant when) {
        if (!pending()) {
            throw new CaseRuleViolation("no re-inspection is waiting on this case");
        }
        if (!unit.code().equals(by.unit())) {
            throw new CaseRuleViolation("the re-inspection is assigned to " + unit.code());
        }
        return new Reinspection(unit, drawnAt, resolved ? CONFIRMED : NOT_RESOLVED, text, by, when);
    }
}
