package cn.luoyang.pollution.contracts.monitoring;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * A monitor's fault is over: its averages stayed under the rule's limit for the rule's clearing windows, or
 * (for {@code OFFLINE}) it reported again. Key: the monitor's MN, on {@code monitoring.faults}. Evidence for
 * the verifier of a rectification (整改); {@code eventId} is derived like {@link MonitorFaultDetected}'s.
 *
 * @param windowStart the first clean window's start; for {@code OFFLINE} the last reading before the silence
 * @param windowEnd   the last clean window's end; for {@code OFFLINE} the data time of the reading that ended it
 * @param windows     the clean window averages, oldest first; empty for {@code OFFLINE}
 */
public record MonitorFaultCleared(
        String eventId,
        String mn,
        String sourceId,
        String responsibleUnit,
        FaultKind kind,
        String rule,
        String factor,
        Double limit,
        Instant windowStart,
        Instant windowEnd,
        List<WindowAverage> windows,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return mn;
    }
}
