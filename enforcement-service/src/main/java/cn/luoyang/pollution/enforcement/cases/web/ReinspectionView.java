package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.Reinspection;
import cn.luoyang.pollution.enforcement.cases.ReinspectionFinding;
import cn.luoyang.pollution.enforcement.cases.Unit;
import java.time.Instant;

/**
 * A {@link Reinspection} as the API shows it: the draw and the finding side by side; {@code finding} is
 * CONFIRMED or NOT_RESOLVED, null while the drawn unit has not been yet.
 */
record ReinspectionView(Unit unit, Instant drawnAt, String finding, String note, Actor actor, Instant at) {

    static ReinspectionView of(Reinspection r) {
        if (r == null) {
            return null;
        }
        ReinspectionFinding f = r.finding();
        return new ReinspectionView(r.draw().unit(), r.draw().drawnAt(), f == null ? null : f.outcome().name(),
                f == null ? null : f.note(), f == null ? null : f.actor(), f == null ? null : f.at());
    }
}
