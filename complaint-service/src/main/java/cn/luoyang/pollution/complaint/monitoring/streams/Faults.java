package cn.luoyang.pollution.complaint.monitoring.streams;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fault events, with ids derived from monitor, rule and triggering window so that reprocessing repeats them. */
public final class Faults {

    public static MonitorFaultDetected exceeded(String mn, FaultRule rule, List<WindowAverage> windows, WindowSum last,
                                                Instant now) {
        WindowAverage first = windows.get(0);
        WindowAverage trigger = windows.get(windows.size() - 1);
        return new MonitorFaultDetected(id("detected", mn, rule, trigger.start()), mn, last.sourceId(),
                last.responsibleUnit(), FaultKind.EXCEEDANCE, rule.id(), rule.factor(), rule.limit(), first.start(),
                trigger.end(), windows, last.lastReadingAt(), now, MonitorFaultDetected.VERSION);
    }

    public static MonitorFaultCleared underLimit(String mn, FaultRule rule, List<WindowAverage> windows, WindowSum last,
                                                 Instant now) {
        WindowAverage first = windows.get(0);
        WindowAverage end = windows.get(windows.size() - 1);
        return new MonitorFaultCleared(id("cleared", mn, rule, end.start()), mn, last.sourceId(), last.responsibleUnit(),
                FaultKind.EXCEEDANCE, rule.id(), rule.factor(), rule.limit(), first.start(), end.end(), windows, now,
                MonitorFaultCleared.VERSION);
    }

    public static MonitorFaultDetected silent(String mn, FaultRule rule, LastSeen seen, Instant now) {
        return new MonitorFaultDetected(id("detected", mn, rule, seen.lastReadingAt()), mn, seen.sourceId(),
                seen.responsibleUnit(), FaultKind.OFFLINE, rule.id(), null, null, seen.lastReadingAt(), now, List.of(),
                seen.lastReadingAt(), now, MonitorFaultDetected.VERSION);
    }

    public static MonitorFaultCleared reporting(String mn, FaultRule rule, LastSeen silence, Instant readingAt, Instant now) {
        return new MonitorFaultCleared(id("cleared", mn, rule, silence.lastReadingAt()), mn, silence.sourceId(),
                silence.responsibleUnit(), FaultKind.OFFLINE, rule.id(), null, null, silence.lastReadingAt(), readingAt,
                List.of(), now, MonitorFaultCleared.VERSION);
    }

    private static String id(String what, String mn, FaultRule rule, Instant at) {
        String identity = what + "|" + mn + "|" + rule.id() + "|" + at;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Faults() {
    }
}
