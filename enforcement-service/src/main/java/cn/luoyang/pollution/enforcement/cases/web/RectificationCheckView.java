package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.CheckDue;
import cn.luoyang.pollution.enforcement.cases.RectificationCheck;
import cn.luoyang.pollution.enforcement.cases.RectificationFinding;
import cn.luoyang.pollution.enforcement.cases.Unit;
import java.time.Instant;
import java.util.List;

/**
 * A {@link RectificationCheck} as the API shows it: why it is due and what was found, side by side;
 * {@code finding} is RECTIFIED or NOT_RECTIFIED, null while the check waits.
 */
record RectificationCheckView(int order, Instant deadline, Instant dueSince, Unit unit, String gridId, String finding,
        List<String> evidence, String note, Actor actor, Instant at) {

    static RectificationCheckView of(RectificationCheck r) {
        CheckDue due = r.due();
        RectificationFinding f = r.finding();
        return new RectificationCheckView(due.order(), due.deadline(), due.dueSince(), due.unit(), due.gridId(),
                f == null ? null : f.rectified() ? "RECTIFIED" : "NOT_RECTIFIED", f == null ? List.of() : f.evidence(),
                f == null ? null : f.note(), f == null ? null : f.actor(), f == null ? null : f.at());
    }
}
