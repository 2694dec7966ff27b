package cn.luoyang.pollution.testing.monitors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * N construction-site dust monitors speaking HJ 212-2017 to a receiver over TCP (模拟在线监测设备), for tests
 * and the demo. Monitors are numbered {@code LY0001...}; every other one asks for answers. A test drives one
 * over the limit ({@link SimulatedMonitor#exceed}) or silences it ({@link SimulatedMonitor#silence}), then
 * lets the whole set report for each interval of simulated time with {@link #report}.
 */
public final class MonitorSimulator implements AutoCloseable {

    /** Cheap hashes: the registry of a test needs no protection, and start-up should stay quick. */
    private static final int TEST_HASH_ITERATIONS = 1_000;

    private final List<SimulatedMonitor> monitors = new ArrayList<>();

    public MonitorSimulator(int count, long seed) {
        for (int i = 1; i <= count; i++) {
            String mn = String.format(Locale.ROOT, "LY%04d", i);
            monitors.add(new SimulatedMonitor(mn, "pw" + i, i % 2 == 1, new DustCurve(60 + (i * 37) % 60, seed + i)));
        }
    }

    /** The registry CSV for these monitors: site {@code SITE-<n>}, unit by district, hashed passwords. */
    public String registryCsv() {
        StringBuilder csv = new StringBuilder("mn,password_hash,source_id,responsible_unit\n");
        for (int i = 1; i <= monitors.size(); i++) {
            csv.append(monitors.get(i - 1).mn()).append(',')
                    .append(Hj212Device.passwordHash("pw" + i, TEST_HASH_ITERATIONS)).append(',')
                    .append("SITE-").append(i).append(',')
                    .append(i % 3 == 0 ? "HOUSING_CONSTRUCTION@410305" : "HOUSING_CONSTRUCTION@410311").append('\n');
        }
        return csv.toString();
    }

    public MonitorSimulator connect(String host, int port) throws IOException {
        for (SimulatedMonitor monitor : monitors) {
            monitor.connect(new InetSocketAddress(host, port));
        }
        return this;
    }

    /** Every monitor that is not silent uploads its reading for {@code dataTime}; returns how many sent. */
    public int report(Instant dataTime, Upload interval) {
        int sent = 0;
        for (SimulatedMonitor monitor : monitors) {
            try {
                sent += monitor.report(dataTime, interval) ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(monitor.mn() + " could not send", e);
            }
        }
        return sent;
    }

    public SimulatedMonitor monitor(String mn) {
        return monitors.stream().filter(m -> m.mn().equals(mn)).findFirst().orElseThrow();
    }

    public List<SimulatedMonitor> monitors() {
        return List.copyOf(monitors);
    }

    @Override
    public void close() throws IOException {
        for (SimulatedMonitor monitor : monitors) {
            monitor.close();
        }
    }
}
