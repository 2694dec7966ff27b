package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/**
 * 到期复查: the re-inspection a rectification order's deadline brings. The case's RECTIFY clock opens
 * one automatically when the deadline passes without rectification recorded; the lead unit's handlers
 * or the case's grid member go on site and record the finding. {@code finding} is RECTIFIED (the case
 * moves to {@link CaseState#RECTIFIED}) or NOT_RECTIFIED (the order stays, its clock keeps escalating
 * until rectification or a penalty); null while the check waits.
 *
 * @param order     the rectification order it belongs to (the RECTIFY clock's generation)
 * @param deadline  the order's deadline that passed
 * @param dueSince  when the check was opened (the clock's overdue moment, or the hand-recorded check's time)
 * @param unit      who must do it: the lead unit ({@code gridId} names the case's grid, if any)
 */
public record RectificationCheck(int order, Instant deadline, Instant dueSince, Unit unit, String gridId,
        String finding, List<String> evidence, String note, Actor actor, Instant at) {

    public static final String RECTIFIED = "RECTIFIED";
    public static final String NOT_RECTIFIED = "NOT_RECTIFIED";

    public RectificationCheck {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean pending() {
        return finding == null;
    }

    public boolean failed() {
        return NOT_RECTIFIED.equals(finding);
    }

    RectificationCheck found(boolean rectified, List<String> proof, String text, Actor by, Instant when) {
        return new RectificationCheck(order, deadline, dueSince, unit, gridId, rectified ? RECTIFIED : NOT_RECTIFIED, proof,
                text, by, when);
    }
}
