package cn.luoyang.pollution.complaint.benchmark;

import cn.luoyang.pollution.complaint.monitoring.messaging.Hj212Server;
import cn.luoyang.pollution.testing.monitors.MonitorSimulator;
import cn.luoyang.pollution.testing.monitors.Upload;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A load harness, not a test: it asserts nothing about speed. It runs only with {@code -Dbenchmark=true} and
 * prints (and writes to target/benchmark-receiver.txt) how many HJ 212 readings per second the receiver takes
 * from {@code benchmark.monitors} simulated monitors on their own TCP connections: frame, CRC, registry and
 * password (once per connection), decode, publish to the in-process broker with acks=all, until the broker
 * has acknowledged every reading.
 *
 * <pre>./mvnw -B verify -pl complaint-service -Dtest=ReceiverThroughputBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReceiverThroughputBenchmark extends ServiceHarness {

    private static final int MONITORS = Integer.getInteger("benchmark.monitors", 393);
    private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmup.rounds", 10);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 100);
    private static final MonitorSimulator SIMULATOR = new MonitorSimulator(MONITORS, 7);

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        try {
            Path csv = Files.createTempFile("monitors", ".csv");
            Files.writeString(csv, SIMULATOR.registryCsv());
            csv.toFile().deleteOnExit();
            registry.add("complaints.monitoring.registry", () -> "file:" + csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("complaints.monitoring.enabled", () -> "true");
        registry.add("complaints.monitoring.host", () -> "127.0.0.1");
        registry.add("complaints.monitoring.port", () -> "0");
    }

    @Autowired
    Hj212Server receiver;
    @Autowired
    MeterRegistry meters;

    @Test
    void receiverThroughput() throws Exception {
        SIMULATOR.connect("127.0.0.1", receiver.port());
        Instant start = Instant.parse("2026-11-28T00:00:00Z");
        round(start, WARMUP_ROUNDS);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        int readings = round(start.plusSeconds(3600), ROUNDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String report = String.format("monitors %d, readings %d (real-time, 4 factors, half asking for an answer), "
                        + "%.1f s, %.0f readings/s, load average at start %.1f, %d cores%n",
                MONITORS, readings, seconds, readings / seconds, load, Runtime.getRuntime().availableProcessors());
        System.out.println("\n==== receiver benchmark ====\n" + report);
        Files.writeString(Path.of("target/benchmark-receiver.txt"), report);
        SIMULATOR.close();
    }

    /** Every monitor sends {@code rounds} readings (30 s apart); returns once the broker acknowledged all. */
    private int round(Instant from, int rounds) throws InterruptedException {
        double before = accepted();
        int sent = 0;
        for (int r = 0; r < rounds; r++) {
            sent += SIMULATOR.report(from.plusSeconds(30L * r), Upload.REAL_TIME);
        }
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (accepted() < before + sent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker acknowledged " + (accepted() - before) + " of " + sent);
            }
            Thread.sleep(5);
        }
        return sent;
    }

    private double accepted() {
        return meters.counter("monitoring.readings.accepted").count();
    }
}
