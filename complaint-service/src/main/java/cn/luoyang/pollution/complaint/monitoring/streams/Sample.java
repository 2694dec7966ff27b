package cn.luoyang.pollution.complaint.monitoring.streams;

import cn.luoyang.pollution.contracts.monitoring.FactorReading;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One value of a rule's factor from one reading: the interval's average, or the real-time value. */
public record Sample(double value, String sourceId, String responsibleUnit, Instant dataTime) {

    /** Flags whose values count: normal (N), over the measuring range (T: the real value is higher still). */
    private static final Set<String> COUNTED = Set.of("N", "T");

    /**
     * The reading's values for the rule: its factor in the rule's interval; values flagged as faulty are left out.
     * Possibly none: every reading still goes to the rule's windows, so that it moves their event time on.
     */
    public static List<Sample> of(MonitorReadingReceived reading, FaultRule rule) {
        if (!rule.interval().equals(reading.interval()) || reading.values() == null) {
            return List.of();
        }
        return reading.values().stream()
                .filter(v -> rule.factor().equals(v.factor()))
                .filter(v -> v.flag() == null || COUNTED.contains(v.flag()))
                .map(Sample::value)
                .filter(v -> v != null && Double.isFinite(v))
                .map(v -> new Sample(v, reading.sourceId(), reading.responsibleUnit(), reading.dataTime()))
                .toList();
    }

    private static Double value(FactorReading v) {
        return v.avg() != null ? v.avg() : v.rtd();
    }
}
