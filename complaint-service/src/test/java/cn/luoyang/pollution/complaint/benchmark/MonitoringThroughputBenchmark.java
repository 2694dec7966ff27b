package cn.luoyang.pollution.complaint.benchmark;

import cn.luoyang.pollution.complaint.monitoring.messaging.Hj212Server;
import cn.luoyang.pollution.complaint.monitoring.streams.messaging.MonitorStreams;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.monitors.MonitorSimulator;
import cn.luoyang.pollution.testing.monitors.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A load harness, not a test: it asserts nothing about speed. It runs only with {@code -Dbenchmark=true} and
 * prints (and writes to target/benchmark-monitoring.txt) readings per second through the two stages of online
 * monitoring (在线监测), on the test broker (in-process KRaft) with {@code monitoring.readings} in its production
 * four partitions, and {@code benchmark.monitors} simulated HJ 212 monitors on their own TCP connections:
 * <ol>
 *     <li><b>receiver</b>, the stream processor stopped: minute data (CN 2051, 4 factors) for
 *     {@code benchmark.hours} simulated hours, from the first packet until every reading is on the topic (the sum
 *     of the partitions' end offsets);</li>
 *     <li><b>stream processor</b> on that backlog, exactly-once as in production: from its start (and from the
 *     moment it is RUNNING) until its committed offsets reach the topic's end on every partition — windows of
 *     every rule, suppression, streaks, last-seen, faults written in transactions;</li>
 *     <li><b>both live</b>: {@code benchmark.live.hours} more simulated hours sent with the processor running,
 *     from the first packet until the processor has committed the last reading.</li>
 * </ol>
 * Every tenth monitor is driven over the PM10 limit from the start, and the report counts the faults on
 * {@code monitoring.faults} to show the processor did its work (expected, not asserted: one exceedance for each
 * driven monitor — the simulated curves of others pass the limit at the morning peak too — none twice per rule).
 *
 * <pre>./mvnw -B -o test -pl complaint-service -am -Dtest=MonitoringThroughputBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MonitoringThroughputBenchmark extends ServiceHarness {

    private static final int MONITORS = Integer.getInteger("benchmark.monitors", 393);
    private static final int HOURS = Integer.getInteger("benchmark.hours", 3);
    private static final int LIVE_HOURS = Integer.getInteger("benchmark.live.hours", 1);
    private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmup.rounds", 10);
    /** The windows' grace: production's PT10M drops readings here (see {@link #dropped()}); -Dbenchmark.grace=PT10M. */
    private static final String GRACE = System.getProperty("benchmark.grace", "PT30M");
    private static final String APPLICATION = "monitoring-benchmark-" + UUID.randomUUID();
    private static final MonitorSimulator SIMULATOR = new MonitorSimulator(MONITORS, 7);
    /** 08:00 Beijing time: inside the dust rule's hours (06–22). */
    private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");
    private static final EventCodec CODEC = new EventCodec();
    private static final Set<String> DRIVEN = new HashSet<>();

    @DynamicPropertySource
    static void monitoring(DynamicPropertyRegistry registry) {
        try {
            Path csv = Files.createTempFile("monitors", ".csv");
            Files.writeString(csv, SIMULATOR.registryCsv());
            csv.toFile().deleteOnExit();
            registry.add("complaints.monitoring.registry", () -> "file:" + csv);
            String state = Files.createTempDirectory("streams").toString();
            registry.add("complaints.monitoring.streams.state-dir", () -> state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("complaints.monitoring.enabled", () -> "true");
        registry.add("complaints.monitoring.host", () -> "127.0.0.1");
        registry.add("complaints.monitoring.port", () -> "0");
        registry.add("complaints.monitoring.streams.enabled", () -> "true");
        registry.add("complaints.monitoring.streams.application-id", () -> APPLICATION);
        registry.add("complaints.monitoring.streams.instance-id", () -> "benchmark-instance");
        registry.add("complaints.monitoring.streams.grace", () -> GRACE);
    }

    @Autowired
    Hj212Server receiver;
    @Autowired
    MonitorStreams streams;

    @Test
    void readingsPerSecond() throws Exception {
        StringBuilder report = new StringBuilder(String.format("monitors %d (%d driven over the PM10 limit), minute data, "
                        + "4 factors, half asking for an answer; monitoring.readings: 4 partitions; grace %s; %d cores%n",
                MONITORS, MONITORS / 10, GRACE, Runtime.getRuntime().availableProcessors()));
        for (int i = 10; i <= MONITORS; i += 10) {
            SIMULATOR.monitors().get(i - 1).exceed(400);
            DRIVEN.add(SIMULATOR.monitors().get(i - 1).mn());
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            streams.stop();
            SIMULATOR.connect("127.0.0.1", receiver.port());
            // warm-up: real-time data of the hour before (no rule reads real-time values; they move event time on)
            int warmup = 0;
            for (int r = 0; r < WARMUP_ROUNDS; r++) {
                warmup += SIMULATOR.report(START.minusSeconds(3600 - 30L * r), Upload.REAL_TIME);
            }
            awaitOnTopic(admin, warmup);

            // (a) the receiver alone
            double load = load();
            long t0 = System.nanoTime();
            int sent = 0;
            for (int minute = 0; minute < 60 * HOURS; minute++) {
                sent += SIMULATOR.report(START.plusSeconds(60L * minute), Upload.MINUTE);
            }
            long total = awaitOnTopic(admin, warmup + sent);
            line(report, "receiver (processor stopped), TCP to all on the topic", sent, t0, load);

            // (b) the stream processor on the backlog
            load = load();
            t0 = System.nanoTime();
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(5);
            }
            long running = System.nanoTime();
            awaitCommitted(admin, total);
            line(report, "stream processor on the backlog, start to committed end", total, t0, load);
            line(report, "stream processor on the backlog, RUNNING to committed end", total, running, load);
            report.append(String.format("  records dropped by the processor (Kafka Streams dropped-records-total, "
                    + "per rule: later than the grace): %.0f%n", dropped()));

            // (c) both live
            load = load();
            t0 = System.nanoTime();
            int live = 0;
            for (int minute = 60 * HOURS; minute < 60 * (HOURS + LIVE_HOURS); minute++) {
                live += SIMULATOR.report(START.plusSeconds(60L * minute), Upload.MINUTE);
            }
            awaitCommitted(admin, awaitOnTopic(admin, warmup + sent + live));
            line(report, "both live, TCP to processor committed", live, t0, load);
            report.append(String.format("  records dropped by the processor, in all: %.0f%n", dropped()));

            report.append(faults());
        }
        System.out.println("\n==== monitoring benchmark ====\n" + report);
        Files.writeString(Path.of("target/benchmark-monitoring.txt"), report);
        SIMULATOR.close();
    }

    private static void line(StringBuilder report, String what, long readings, long t0, double load) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.append(String.format("%-58s %,8d readings %7.1f s %,8.0f readings/s  (load average at start %.1f)%n",
                what, readings, seconds, readings / seconds, load));
    }

    /**
     * Kafka Streams' {@code dropped-records-total} over the processor's tasks (JMX): readings that came later than
     * the grace to a window (once per rule). Simulated time runs some 800 times faster than the clock here, so a
     * connection the receiver reads a second after the others is "minutes late".
     */
    private static double dropped() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double sum = 0;
        for (ObjectName task : server.queryNames(new ObjectName("kafka.streams:type=stream-task-metrics,*"), null)) {
            if (server.getAttribute(task, "dropped-records-total") instanceof Number n) {
                sum += n.doubleValue();
            }
        }
        return sum;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Waits until the readings topic holds {@code count} records; returns the sum of its end offsets. */
    private static long awaitOnTopic(Admin admin, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long end;
        while ((end = endOffsets(admin).values().stream().mapToLong(Long::longValue).sum()) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topic holds " + end + " of " + count + " readings");
            }
            Thread.sleep(5);
        }
        return end;
    }

    /** Waits until the processor's committed offsets reach the topic's end on every partition. */
    private static void awaitCommitted(Admin admin, long total) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(admin);
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION)
                    .partitionsToOffsetAndMetadata().get();
            long done = ends.keySet().stream().mapToLong(p -> committed.get(p) == null ? 0 : committed.get(p).offset()).sum();
            if (done >= total) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processor committed " + done + " of " + total + " readings");
            }
            Thread.sleep(20);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        int partitions = admin.describeTopics(List.of(Topics.MONITORING_READINGS)).allTopicNames().get()
                .get(Topics.MONITORING_READINGS).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(Topics.MONITORING_READINGS, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * The committed faults, counted by rule and kind (other events by their type), with the number of monitors
     * having one, the most any one monitor has per rule and kind, and how many of the driven monitors have one.
     */
    private String faults() {
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, Integer> perMonitor = new HashMap<>();
        Set<String> mns = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MONITORING_FAULTS));
            long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < quiet) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String type = new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
                    String key = CODEC.decode(type, record.value()) instanceof MonitorFaultDetected fault
                            ? fault.rule() + " " + fault.kind() : type;
                    byRule.merge(key, 1, Integer::sum);
                    perMonitor.merge(record.key() + " " + key, 1, Integer::sum);
                    mns.add(record.key());
                    quiet = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        long driven = DRIVEN.stream().filter(mns::contains).count();
        return String.format("events on monitoring.faults (committed), by rule: %s; monitors with one: %d; most per "
                        + "monitor and rule: %d; driven monitors with one: %d of %d%n", byRule, mns.size(),
                perMonitor.values().stream().mapToInt(Integer::intValue).max().orElse(0), driven, DRIVEN.size());
    }
}
