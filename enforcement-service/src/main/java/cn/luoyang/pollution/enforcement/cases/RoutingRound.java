package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;
import java.util.List;

/**
 * 派单轮次: one routing round as dispatch sent it: its number, which unit leads, with whom, when it came,
 * by when it must be signed for, and whether it was the campaign office's arbitration (仲裁).
 */
public record RoutingRound(int number, Unit lead, List<Unit> coHandlers, Instant assignedAt, Instant signDeadline,
        Boolean arbitrated) {

    public RoutingRound {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    /** True when the campaign office arbitrated this round after returns; null in documents older than the flag. */
    public boolean byArbitration() {
        return Boolean.TRUE.equals(arbitrated);
    }
}
