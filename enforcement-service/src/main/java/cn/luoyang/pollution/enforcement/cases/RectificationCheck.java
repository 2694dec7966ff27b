package cn.luoyang.pollution.enforcement.cases;

/**
 * 到期复查: the re-inspection a rectification order's deadline brings. The case's RECTIFY clock opens
 * one automatically ({@link CheckDue}) when the deadline passes without rectification recorded; the lead
 * unit's handlers or the case's grid member go on site and record the {@link RectificationFinding}
 * (null while the check waits). Rectified moves the case to {@link CaseState#RECTIFIED}; not rectified
 * leaves the order standing, its clock escalating until rectification or a penalty.
 */
public record RectificationCheck(CheckDue due, RectificationFinding finding) {

    static RectificationCheck opened(CheckDue due) {
        return new RectificationCheck(due, null);
    }

    public int order() {
        return due.order();
    }

    public boolean pending() {
        return finding == null;
    }

    public boolean failed() {
        return finding != null && !finding.rectified();
    }

    RectificationCheck found(RectificationFinding found) {
        return new RectificationCheck(due, found);
    }
}
