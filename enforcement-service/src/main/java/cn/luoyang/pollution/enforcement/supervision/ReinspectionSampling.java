package cn.luoyang.pollution.enforcement.supervision;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.Unit;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * 随机抽查: draws a configurable share of closed cases for a second look by another unit. A
 * district unit's case goes to the same department at city level (上级复核); a city unit's case
 * goes to the configured city-level reviewer, or to the alternate when the reviewer itself closed it.
 */
public final class ReinspectionSampling {

    private final double share;
    private final DoubleSupplier random;
    private final Unit cityReviewer;
    private final Unit alternateReviewer;

    public ReinspectionSampling(double share, DoubleSupplier random, Unit cityReviewer, Unit alternateReviewer) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("re-inspection share must be between 0 and 1");
        }
        this.share = share;
        this.random = random;
        this.cityReviewer = cityReviewer;
        this.alternateReviewer = alternateReviewer;
    }

    /** The unit that re-inspects this closed case, when it is drawn. */
    public Optional<Unit> draw(Case closed) {
        if (share == 0 || random.getAsDouble() >= share) {
            return Optional.empty();
        }
        return Optional.of(reviewerOf(closed.lead()));
    }

    Unit reviewerOf(Unit lead) {
        if (!Unit.CITY.equals(lead.territory())) {
            return new Unit(lead.department(), Unit.CITY);
        }
        return lead.equals(cityReviewer) ? alternateReviewer : cityReviewer;
    }
}
