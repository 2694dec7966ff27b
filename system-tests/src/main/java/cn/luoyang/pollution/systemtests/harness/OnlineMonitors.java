package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.testing.monitors.MonitorSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared system's online monitors (issue 18): complaint-service's HJ 212 receiver on a free port with the
 * simulator's {@link #COUNT} monitors in its registry, and its fault stream processor on accelerated rules — PM10
 * over {@link #PM10_LIMIT} in two 10-minute windows of data time in a row, silent for 20 s of wall-clock time —
 * so that a simulated hour takes seconds. {@code -Dmonitors.count=393} (profile {@code monitors}) runs the city's 393.
 */
public final class OnlineMonitors {

    public static final int COUNT = Integer.getInteger("monitors.count", 20);
    /** Above anything the simulator's dust curve reaches by itself (≈ 300 µg/m³ at a peak). */
    public static final double PM10_LIMIT = 400;
    public static final long SEED = 18;

    private OnlineMonitors() {
    }

    /** The simulator for the shared system's registry ({@code LY0001…}, passwords {@code pw<n>}). */
    public static MonitorSimulator simulator() {
        return new MonitorSimulator(COUNT, SEED);
    }

    static Map<String, String> env(int port) {
        try {
            Path dir = Files.createTempDirectory("online-monitors");
            Path registry = Files.writeString(dir.resolve("monitors.csv"), simulator().registryCsv());
            Path rules = Files.writeString(dir.resolve("fault-rules.csv"), """
                    rule,kind,factor,interval,window,limit,consecutive,hours,clear
                    pm10-e2e,EXCEEDANCE,a34002,minute,PT10M,%s,2,,2
                    offline-e2e,OFFLINE,,,PT20S,,,,
                    """.formatted((int) PM10_LIMIT));
            Map<String, String> env = new HashMap<>();
            env.put("MONITORING_ENABLED", "true");
            env.put("MONITORING_HOST", "127.0.0.1");
            env.put("MONITORING_PORT", Integer.toString(port));
            env.put("MONITORING_REGISTRY", registry.toUri().toString());
            env.put("MONITORING_STREAMS_ENABLED", "true");
            env.put("MONITORING_RULES", rules.toUri().toString());
            env.put("MONITORING_STREAMS_INSTANCE", "system-tests-1");
            env.put("COMPLAINTS_MONITORING_STREAMS_GRACE", "PT1M");
            env.put("COMPLAINTS_MONITORING_STREAMS_SWEEPEVERY", "PT2S");
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
