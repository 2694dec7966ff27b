package cn.luoyang.pollution.complaint.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.monitoring.messaging.Hj212Server;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.FactorReading;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.TopicProbe;
import cn.luoyang.pollution.testing.monitors.MonitorSimulator;
import cn.luoyang.pollution.testing.monitors.SimulatedMonitor;
import cn.luoyang.pollution.testing.monitors.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The receiver inside the running service: simulated dust monitors report over real TCP on loopback, their
 * readings arrive on {@code monitoring.readings} of the real broker keyed by MN, and the monitors that asked
 * get their data answers (CN 9014).
 */
class MonitoringReceiverTest extends ServiceHarness {

    private static final MonitorSimulator SIMULATOR = new MonitorSimulator(6, 42);

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
    EventCodec codec;

    @AfterEach
    void disconnect() throws IOException {
        SIMULATOR.close();
    }

    @Test
    void monitorsReadingsArriveKeyedByMnAndTheMonitorsThatAskAreAnswered() throws IOException, InterruptedException {
        SIMULATOR.connect("127.0.0.1", receiver.port());
        SIMULATOR.monitor("LY0003").exceed(420);
        SIMULATOR.monitor("LY0006").silence();
        Instant start = Instant.parse("2026-11-28T02:00:00Z");

        int sent = 0;
        for (int minute = 0; minute < 3; minute++) {
            sent += SIMULATOR.report(start.plusSeconds(60L * minute), Upload.MINUTE);
        }

        assertThat(sent).isEqualTo(15);
        try (TopicProbe probe = new TopicProbe(brokers, Topics.MONITORING_READINGS)) {
            List<ConsumerRecord<String, byte[]>> records = probe.await(sent, Duration.ofSeconds(30));
            Map<String, Long> perMonitor = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perMonitor).containsOnly(Map.entry("LY0001", 3L), Map.entry("LY0002", 3L), Map.entry("LY0003", 3L),
                    Map.entry("LY0004", 3L), Map.entry("LY0005", 3L));

            MonitorReadingReceived exceeding = records.stream().filter(r -> r.key().equals("LY0003"))
                    .map(r -> (MonitorReadingReceived) codec.decode(TopicProbe.header(r, CloudEventHeaders.TYPE), r.value()))
                    .filter(e -> e.dataTime().equals(start)).findFirst().orElseThrow();
            assertThat(exceeding.mn()).isEqualTo("LY0003");
            assertThat(exceeding.sourceId()).isEqualTo("SITE-3");
            assertThat(exceeding.responsibleUnit()).isEqualTo("HOUSING_CONSTRUCTION@410305");
            assertThat(exceeding.interval()).isEqualTo("minute");
            assertThat(exceeding.values()).contains(new FactorReading("a34002", null, 420.0, 336.0, 525.0, "N"));
            assertThat(exceeding.values()).extracting(FactorReading::factor).containsExactlyInAnyOrder("a34001", "a34002", "a34004", "LA");
            assertThat(TopicProbe.header(records.get(0), CloudEventHeaders.TYPE)).isEqualTo("monitor.reading-received.v1");
        }

        for (SimulatedMonitor monitor : SIMULATOR.monitors()) {
            int expected = monitor.wantsAnswers() && !monitor.mn().equals("LY0006") ? 3 : 0;
            awaitAnswers(monitor, expected);
            assertThat(monitor.answers()).as(monitor.mn()).hasSize(expected)
                    .allSatisfy(answer -> assertThat(answer).contains(";ST=91;CN=9014;").contains("MN=" + monitor.mn() + ";"));
        }
    }

    private static void awaitAnswers(SimulatedMonitor monitor, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (monitor.answers().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(count == 0 ? 200 : 0);
    }
}
