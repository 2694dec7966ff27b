package cn.luoyang.pollution.contracts.monitoring;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * A fault rule found an online monitor (在线监测设备) at fault: over a limit (超标) or silent (离线).
 * Key: the monitor's MN, on {@code monitoring.faults}.
 *
 * <p>{@code eventId} is derived from MN, rule and the triggering window (for {@code OFFLINE}: the last
 * reading's time), so a window processed again yields the same id and consumers can drop the repeat.
 *
 * @param rule          the rule's id in the rules file, e.g. {@code pm10-hourly}
 * @param factor        the HJ 212 factor code ({@code a34002}, {@code LA}); null for {@code OFFLINE}
 * @param limit         the rule's limit in the factor's unit; null for {@code OFFLINE}
 * @param windowStart   the first exceeding window's start; for {@code OFFLINE} the last reading's time
 * @param windowEnd     the last exceeding window's end; for {@code OFFLINE} when the silence was found
 * @param windows       the window averages that triggered the fault, oldest first; empty for {@code OFFLINE}
 * @param lastReadingAt the data time of the monitor's last reading before the fault
 */
public record MonitorFaultDetected(
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
        Instant lastReadingAt,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return mn;
    }
}
