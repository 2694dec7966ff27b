package cn.luoyang.pollution.complaint.monitoring.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.monitoring.streams.messaging.MonitorStreams;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.FactorReading;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The stream processor inside the running service on the real broker, exactly-once: a monitor over the PM10 limit
 * for two hours gives one fault on {@code monitoring.faults}, and restarting the processor mid-run — with its
 * local state wiped, so that it restores from the changelogs — neither loses the first hour nor emits the fault
 * again when the monitor stays over the limit.
 */
class MonitorStreamsTest extends ServiceHarness {

    private static final String MN = "410305LY0009SITE0201";
    private static final String APPLICATION = "monitor-streams-test-" + UUID.randomUUID();
    /** 09:00 Beijing time. */
    private static final Instant NINE = Instant.parse("2026-11-28T01:00:00Z");
    private static final EventCodec CODEC = new EventCodec();

    @DynamicPropertySource
    static void streams(DynamicPropertyRegistry registry) {
        try {
            String state = Files.createTempDirectory("streams").toString();
            registry.add("complaints.monitoring.streams.state-dir", () -> state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("complaints.monitoring.streams.enabled", () -> "true");
        registry.add("complaints.monitoring.streams.application-id", () -> APPLICATION);
        registry.add("complaints.monitoring.streams.commit-interval", () -> "PT0.2S");
        registry.add("complaints.monitoring.topic-partitions", () -> "1");
        registry.add("complaints.monitoring.streams.instance-id", () -> "test-instance");
    }

    @Autowired
    MonitorStreams streams;

    @Test
    void aFaultIsEmittedOnceAndARestartMidRunNeitherLosesNorRepeatsIt() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", brokers,
                "acks", "all"), new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> faults = committedReader()) {
            // the first hour over the limit, and a reading of the second
            int sent = send(producer, NINE, 70, 200);
            awaitProcessed(sent);

            streams.stopAndWipeLocalState();
            streams.start();
            // the rest of the second hour over the limit, and the third begins: the second window closes
            sent += send(producer, NINE.plus(Duration.ofMinutes(70)), 80, 200);
            List<MonitorFaultDetected> seen = await(faults, 1, Duration.ofSeconds(20));
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).kind()).isEqualTo(FaultKind.EXCEEDANCE);
            assertThat(seen.get(0).windows()).extracting(w -> w.count()).containsExactly(6L, 6L);
            awaitProcessed(sent);

            streams.stopAndWipeLocalState();
            streams.start();
            // still over the limit for two more hours: the fault is open, no second one
            sent += send(producer, NINE.plus(Duration.ofMinutes(150)), 120, 200);
            awaitProcessed(sent);
            seen.addAll(await(faults, 1, Duration.ofSeconds(3)));
            assertThat(seen).hasSize(1);
        }
    }

    /** Readings of the monitor every ten minutes from {@code from} for {@code minutes}; returns how many. */
    private int send(KafkaProducer<String, byte[]> producer, Instant from, int minutes, double pm10) throws Exception {
        int count = 0;
        for (int minute = 0; minute < minutes; minute += 10) {
            Instant at = from.plusSeconds(60L * minute);
            var reading = new MonitorReadingReceived(UUID.randomUUID().toString(), MN, "SITE-410305-0201",
                    "URBAN_MANAGEMENT@410305", "minute", at, List.of(new FactorReading("a34002", null, pm10, null, null, "N")),
                    at.plusSeconds(2), MonitorReadingReceived.VERSION);
            var record = new ProducerRecord<>(Topics.MONITORING_READINGS, MN, CODEC.encode(reading));
            record.headers().add(CloudEventHeaders.TYPE,
                    EventTypes.nameOf(MonitorReadingReceived.class).getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            count++;
        }
        return count;
    }

    /** Waits until the processor has committed its way through {@code count} readings. */
    private void awaitProcessed(int count) throws Exception {
        TopicPartition readings = new TopicPartition(Topics.MONITORING_READINGS, 0);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            while (System.nanoTime() < end) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(APPLICATION)
                        .partitionsToOffsetAndMetadata().get().get(readings);
                if (committed != null && committed.offset() >= count) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the processor did not commit " + count + " readings in time");
    }

    private KafkaConsumer<String, byte[]> committedReader() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.MONITORING_FAULTS));
        return consumer;
    }

    private static List<MonitorFaultDetected> await(KafkaConsumer<String, byte[]> consumer, int count, Duration timeout) {
        List<MonitorFaultDetected> seen = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count && System.nanoTime() < end) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                assertThat(record.key()).isEqualTo(MN);
                String type = new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
                seen.add((MonitorFaultDetected) CODEC.decode(type, record.value()));
            }
        }
        return seen;
    }
}
