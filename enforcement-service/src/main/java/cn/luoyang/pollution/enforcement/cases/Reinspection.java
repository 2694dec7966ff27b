package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 随机抽查: a closed case drawn ({@link ReinspectionDraw}) for a second look by a unit other than the one
 * that closed it, and that unit's {@link ReinspectionFinding} (null while it waits); NOT_RESOLVED reopens
 * the case.
 */
public record Reinspection(ReinspectionDraw draw, ReinspectionFinding finding) {

    /** Who signs a draw on the timeline: the campaign office's sampler. */
    static final Actor SAMPLER = new Actor("reinspection-sampler", "SYSTEM", "CAMPAIGN_OFFICE@" + Unit.CITY);

    /** Draws a closed case for another unit than its lead. */
    static Reinspection drawn(Unit by, Unit lead, CaseState state, Instant at) {
        if (state != CaseState.CLOSED) {
            throw new CaseRuleViolation("only closed cases are re-inspected");
        }
        if (by.equals(lead)) {
            throw new CaseRuleViolation("re-inspection must be done by another unit than " + lead.code());
        }
        return new Reinspection(new ReinspectionDraw(by, at), null);
    }

    public boolean pending() {
        return finding == null;
    }

    /** The drawn unit's finding; only that unit records it, once. */
    Reinspection found(boolean resolved, String note, Actor by, Instant when) {
        if (!pending()) {
            throw new CaseRuleViolation("no re-inspection is waiting on this case");
        }
        if (!draw.unit().code().equals(by.unit())) {
            throw new CaseRuleViolation("the re-inspection is assigned to " + draw.unit().code());
        }
        return new Reinspection(draw, new ReinspectionFinding(resolved ? ReinspectionFinding.Outcome.CONFIRMED
                : ReinspectionFinding.Outcome.NOT_RESOLVED, note, by, when));
    }
}
