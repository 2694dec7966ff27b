package cn.luoyang.pollution.contracts.complaint;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import java.time.Instant;
import java.util.List;

/**
 * What raised a complaint of channel {@link Channel#ONLINE_MONITORING}: the online monitor (在线监测设备) by its
 * MN, and the fault the stream processor found in its readings.
 *
 * @param mn          the monitor's MN; dispatch finds its registered source (台账) by it
 * @param sourceId    the source the receiver's registry names for the monitor, if any (dispatch's registry decides)
 * @param faultEventId the {@code MonitorFaultDetected} that opened the complaint
 * @param rule        the fault rule's id, e.g. {@code pm10-hourly}
 * @param factor      the HJ 212 factor code; null for {@code OFFLINE}
 * @param limit       the rule's limit; null for {@code OFFLINE}
 * @param windows     the window averages that triggered the fault, oldest first; empty for {@code OFFLINE}
 * @param lastReadingAt the data time of the monitor's last reading before the fault
 */
public record MonitorTrigger(
        String mn,
        String sourceId,
        String faultEventId,
        FaultKind kind,
        String rule,
        String factor,
        Double limit,
        Instant windowStart,
        Instant windowEnd,
        List<WindowAverage> windows,
        Instant lastReadingAt) {

    public MonitorTrigger {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
