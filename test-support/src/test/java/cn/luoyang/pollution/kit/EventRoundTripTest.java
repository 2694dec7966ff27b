package cn.luoyang.pollution.kit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.test.context.TestPropertySource;

@ServiceTest
@TestPropertySource(properties = {
        "spring.application.name=kit-test",
        "spring.cloud.function.definition=feedback;failing",
        "spring.cloud.stream.bindings.failing-in-0.destination=kit.failing",
        "spring.cloud.stream.bindings.failing-in-0.group=kit-test",
        "spring.cloud.stream.bindings.failing-in-0.consumer.max-attempts=2",
        "spring.cloud.stream.bindings.failing-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.feedback-in-0.destination=" + Topics.REPORTERS_FEEDBACK,
        "spring.cloud.stream.bindings.feedback-in-0.group=kit-test"})
class EventRoundTripTest {

    @SpringBootApplication
    static class App {
        final List<Event> received = new CopyOnWriteArrayList<>();

        @Bean
        Consumer<Message<byte[]>> feedback(EventConsumers consumers) {
            return consumers.of(Topics.REPORTERS_FEEDBACK, received::add);
        }

        /** Stands for a handler whose database is down for longer than the retries last. */
        @Bean
        Consumer<Message<byte[]>> failing(EventConsumers consumers) {
            return consumers.of("kit.failing", event -> {
                throw new IllegalStateException("database unavailable");
            });
        }
    }

    @Autowired
    App app;
    @Autowired
    EventPublisher publisher;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void publishedEventArrivesAsCloudEventAndUnreadableRecordIsDeadLetteredWhileConsumerGoesOn() throws Exception {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", brokers),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.REPORTERS_FEEDBACK, "c-0",
                    "{not json".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.TYPE, "reporter.feedback-received.v1".getBytes(StandardCharsets.UTF_8));
            raw.send(poison).get();
        }
        ReporterFeedbackReceived feedback = new ReporterFeedbackReceived("e-1", "c-1", "p-1", Satisfaction.SATISFIED,
                Instant.parse("2026-11-28T08:00:00Z"), 1);
        publisher.publish(Topics.REPORTERS_FEEDBACK, feedback);

        try (TopicProbe topic = new TopicProbe(brokers, Topics.REPORTERS_FEEDBACK);
             TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.REPORTERS_FEEDBACK))) {
            List<ConsumerRecord<String, byte[]>> records = topic.await(2, Duration.ofSeconds(20));
            ConsumerRecord<String, byte[]> published = records.stream()
                    .filter(r -> "c-1".equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicProbe.header(published, CloudEventHeaders.TYPE)).isEqualTo("reporter.feedback-received.v1");
            assertThat(TopicProbe.header(published, CloudEventHeaders.SOURCE)).isEqualTo("/luoyang/kit-test");
            assertThat(TopicProbe.header(published, CloudEventHeaders.ID)).isEqualTo("e-1");

            ConsumerRecord<String, byte[]> deadLetter = dead.await(1, Duration.ofSeconds(20)).get(0);
            assertThat(TopicProbe.header(deadLetter, CloudEventHeaders.DLT_REASON)).isEqualTo("malformed-json");
            assertThat(TopicProbe.header(deadLetter, CloudEventHeaders.TYPE)).isEqualTo("reporter.feedback-received.v1");
            assertThat(deadLetter.key()).isEqualTo("c-0");
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (app.received.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(app.received).containsExactly(feedback);
    }

    @Test
    void aRecordThatStillFailsAfterEveryRetryIsParkedNotSkipped() throws Exception {
        ReporterFeedbackReceived feedback = new ReporterFeedbackReceived("e-2", "c-2", "p-2", Satisfaction.SATISFIED,
                Instant.parse("2026-11-28T08:00:00Z"), 1);
        publisher.publish("kit.failing", feedback);

        try (TopicProbe parked = new TopicProbe(brokers, "error.kit.failing.kit-test")) {
            ConsumerRecord<String, byte[]> record = parked.await(1, Duration.ofSeconds(30)).get(0);
            assertThat(record.key()).isEqualTo("c-2");
            assertThat(TopicProbe.header(record, "x-exception-message")).contains("database unavailable");
        }
    }
}
