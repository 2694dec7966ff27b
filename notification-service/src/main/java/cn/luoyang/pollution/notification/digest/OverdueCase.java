package cn.luoyang.pollution.notification.digest;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * An open case with at least one clock past its deadline (超期未办结), as this service learned it from
 * the case events: its unit ({@code DEPARTMENT@territory}), tracking number and each overdue clock's deadline.
 */
public record OverdueCase(String caseId, String unit, String trackingNumber, Map<String, Instant> clocks) {

    public OverdueCase {
        clocks = Map.copyOf(clocks);
    }

    /** The clock that ran out first. */
    public Map.Entry<String, Instant> oldest() {
        return clocks.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
    }

    /** Oldest overdue first, then by case id (a stable order). */
    public static final Comparator<OverdueCase> OLDEST_FIRST = Comparator
            .comparing((OverdueCase c) -> c.oldest().getValue()).thenComparing(OverdueCase::caseId);
}
