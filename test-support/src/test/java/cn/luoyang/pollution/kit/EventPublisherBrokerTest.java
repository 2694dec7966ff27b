package cn.luoyang.pollution.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.testing.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.test.context.TestPropertySource;

/** The kit's publisher against a real broker: the record it writes, byte for byte, and what it does when the broker refuses one. */
@ServiceTest
@TestPropertySource(properties = {"spring.application.name=kit-test", "spring.cloud.function.definition="})
class EventPublisherBrokerTest {

    /** A topic whose broker takes no record over 1 kB. */
    private static final String SMALL = "kit.small-records";

    @SpringBootApplication
    static class App {
    }

    @Autowired
    EventPublisher publisher;
    @Autowired
    EventCodec codec;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aPublishedEventIsOneRecordKeyedByAggregateIdWithItsJsonAndTheCloudEventsHeaders() throws Exception {
        ReporterFeedbackReceived event = feedback("e-wire", "CASE-W1", "cmp-w1");

        publisher.publish("kit.wire", event);

        ConsumerRecord<byte[], byte[]> record = read("kit.wire", 1).get(0);
        assertThat(record.topic()).isEqualTo("kit.wire");
        assertThat(record.key()).isEqualTo("CASE-W1".getBytes(StandardCharsets.UTF_8));
        assertThat(record.value()).isEqualTo(codec.encode(event));
        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsExactly(
                CloudEventHeaders.SPEC_VERSION + "=1.0",
                CloudEventHeaders.ID + "=e-wire",
                CloudEventHeaders.TYPE + "=reporter.feedback-received.v1",
                CloudEventHeaders.SOURCE + "=/luoyang/kit-test",
                CloudEventHeaders.TIME + "=2026-11-28T08:00:00Z",
                CloudEventHeaders.SUBJECT + "=CASE-W1",
                CloudEventHeaders.CONTENT_TYPE + "=application/json");
    }

    @Test
    void theProducerReportsTheKafkaClientsMeters() {
        publisher.publish("kit.metered", feedback("e-metered", "CASE-X1", "cmp-x1"));

        assertThat(meters.find("kafka.producer.record.send.total").functionCounters())
                .as("the Kafka client's own meters, as the binder's producers had them")
                .isNotEmpty()
                .anySatisfy(sent -> assertThat(sent.count()).isPositive());
    }

    @Test
    void aTopicIsCreatedOnFirstUseWithTheBindersPartitionCount() throws Exception {
        publisher.publish("kit.created", feedback("e-created", "CASE-C1", "cmp-c1"));

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            int partitions = admin.describeTopics(List.of("kit.created")).allTopicNames().get()
                    .get("kit.created").partitions().size();
            assertThat(partitions).as("kit-defaults' min-partition-count").isEqualTo(4);
        }
    }

    @Test
    void aBatchIsAcknowledgedEntryByEntryAndKeepsItsOrderForOneKey() throws Exception {
        List<OutboxEntry> entries = List.of(entry("kit.batch", feedback("e-b1", "CASE-B", "cmp-b1")),
                entry("kit.batch", feedback("e-b2", "CASE-B", "cmp-b2")),
                entry("kit.batch", feedback("e-b3", "CASE-B", "cmp-b3")));
        List<OutboxEntry> acknowledged = new ArrayList<>();

        publisher.publishAll(entries, acknowledged::add);

        assertThat(acknowledged).containsExactlyElementsOf(entries);
        assertThat(read("kit.batch", 3)).extracting(r -> header(r, CloudEventHeaders.ID))
                .containsExactly("e-b1", "e-b2", "e-b3");
    }

    @Test
    void aRecordTheBrokerRefusesMakesPublishThrow() throws Exception {
        createSmallTopic();

        assertThatThrownBy(() -> publisher.publish(SMALL, feedback("e-big", "CASE-S1", "x".repeat(5_000))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("e-big")
                .hasRootCauseInstanceOf(RecordTooLargeException.class);
    }

    private void createSmallTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            if (!admin.listTopics().names().get().contains(SMALL)) {
                admin.createTopics(List.of(new NewTopic(SMALL, 1, (short) 1).configs(Map.of("max.message.bytes", "1000"))))
                        .all().get();
            }
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.size() < count && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        assertThat(seen).hasSize(count);
        return seen;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static OutboxEntry entry(String topic, Event event) {
        return new OutboxEntry(event, topic, Instant.EPOCH);
    }

    private static ReporterFeedbackReceived feedback(String eventId, String caseId, String complaintId) {
        return new ReporterFeedbackReceived(eventId, caseId, complaintId, Satisfaction.SATISFIED,
                Instant.parse("2026-11-28T08:00:00Z"), ReporterFeedbackReceived.VERSION);
    }
}
