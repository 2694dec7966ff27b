package cn.luoyang.pollution.notification.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.OnePartition;
import cn.luoyang.pollution.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import cn.luoyang.pollution.testing.security.AccessCheck;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The thin path over a real broker and the embedded MongoDB: a routine case gives its reporter
 * exactly three SMS (registered, dispatched, closed) through the recording gateway, and a
 * redelivered closure sends nothing more.
 */
@ServiceTest
@TestPropertySource(properties = "reporter-contact.keys-dir=target/test-keys/thin-path")
@ExtendWith(OutputCaptureExtension.class)
class ThinPathServiceTest {

    private static final String PHONE = "13812345678";

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Messages messages;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void routineCaseSendsThreeSmsPerReporterAndARedeliveredClosureSendsNothingMore(CapturedOutput output) throws Exception {
        ContactSealer sealer = ContactSealer.withPublicKeyset(
                ContactKeys.ensure(Path.of("target/test-keys/thin-path")).publicKeyset());
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered("c-1", "LY20261128-000001", PHONE, sealer));
        publisher.publish(Topics.CASES_DISPATCHED,
                Events.dispatched("CASE-LY20261128-000001", "c-1", "LY20261128-000001", "ECOLOGY_ENVIRONMENT"));
        CaseClosed closed = Events.closed("CASE-LY20261128-000001", "经现场检查，该企业已停产整改。", List.of("c-1"));
        publisher.publish(Topics.CASES_LIFECYCLE, closed);

        awaitSentSms("c-1", 3);
        List<Document> sms = sentSms("c-1");
        assertThat(sms).extracting(d -> d.getString("milestone"))
                .containsExactlyInAnyOrder("REGISTERED", "DISPATCHED", "CLOSED");
        assertThat(sms).allSatisfy(d -> assertThat(d.getString("maskedPhone")).isEqualTo("138****5678"));
        assertThat(text(sms, "REGISTERED")).startsWith("【洛阳生态环境】").contains("LY20261128-000001");
        assertThat(text(sms, "DISPATCHED")).contains("生态环境局");
        assertThat(text(sms, "CLOSED")).contains("已停产整改").contains("1满意");

        // the same closure again, then a second case's registration and closure behind it on the same
        // topics: once the second reporter has her three SMS, the redelivery has certainly been read
        publisher.publish(Topics.CASES_LIFECYCLE, closed);
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered("c-2", "LY20261128-000002", "13900001111", sealer));
        publisher.publish(Topics.CASES_DISPATCHED,
                Events.dispatched("CASE-LY20261128-000002", "c-2", "LY20261128-000002", "URBAN_MANAGEMENT"));
        publisher.publish(Topics.CASES_LIFECYCLE, Events.closed("CASE-LY20261128-000002", "已处理。", List.of("c-2")));
        awaitSentSms("c-2", 3);

        assertThat(sentSms("c-1")).hasSize(3);
        try (TopicProbe notified = new TopicProbe(brokers, Topics.REPORTERS_NOTIFIED)) {
            List<ConsumerRecord<String, byte[]>> records = notified.await(6, Duration.ofSeconds(20));
            assertThat(records).filteredOn(r -> "c-1".equals(r.key())).hasSize(3)
                    .allSatisfy(r -> assertThat(TopicProbe.header(r, CloudEventHeaders.TYPE)).isEqualTo("reporter.notified.v1"));
        }
        assertNumberAppearsNowhereInTheDatabase(PHONE);
        assertThat(output.getAll()).doesNotContain(PHONE).contains("138****5678");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> messages = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/sms?complaintId=c-1")).header("Authorization", AccessCheck.basicFor("OPERATOR")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(messages.body()).contains("\"milestone\":\"CLOSED\"").contains("138****5678").doesNotContain(PHONE);
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/sms")).header("Authorization", AccessCheck.basicFor("OPERATOR")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("complaintId");
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchGoesAloneToTheDeadLettersAndTheOthersAreQueued() throws Exception {
        ContactSealer sealer = ContactSealer.withPublicKeyset(
                ContactKeys.ensure(Path.of("target/test-keys/thin-path")).publicKeyset());
        ProducerRecord<byte[], byte[]> before = record(publisher.toMessage(Events.registered("p-1", "LY-P1", "13800000101", sealer)));
        ProducerRecord<byte[], byte[]> after = record(publisher.toMessage(Events.registered("p-2", "LY-P2", "13800000102", sealer)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // one partition, one flush: the three records reach the consumer together (one poll)
            producer.send(before);
            producer.send(new ProducerRecord<>(Topics.COMPLAINTS_REGISTERED, 0, "p-poison".getBytes(StandardCharsets.UTF_8),
                    "{broken".getBytes(StandardCharsets.UTF_8), after.headers()));
            producer.send(after);
            producer.flush();
        }
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((messages.forComplaint("p-1").isEmpty() || messages.forComplaint("p-2").isEmpty()) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(messages.forComplaint("p-1")).extracting(SmsMessage::milestone).containsExactly(Milestone.REGISTERED);
        assertThat(messages.forComplaint("p-2")).extracting(SmsMessage::milestone).containsExactly(Milestone.REGISTERED);
        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.COMPLAINTS_REGISTERED))) {
            assertThat(dead.await(1, Duration.ofSeconds(20))).filteredOn(r -> r.key() != null && r.key().startsWith("p-"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.key()).isEqualTo("p-poison");
                        assertThat(TopicProbe.header(r, CloudEventHeaders.DLT_REASON)).isEqualTo("malformed-json");
                    });
        }
    }

    private static ProducerRecord<byte[], byte[]> record(org.springframework.messaging.Message<byte[]> message) {
        return OnePartition.record(Topics.COMPLAINTS_REGISTERED, 0, message);
    }

    @Test
    void anOperatorListsTheMessagesWhoseOutcomeIsUnknown() throws Exception {
        // as a restarted sender leaves a message whose hand-over a SIGKILL cut (HandOverAtMostOnceTest)
        java.time.Instant at = java.time.Instant.parse("2026-11-28T04:00:00Z");
        messages.add(SmsMessage.restore(new SmsMessage.Snapshot("c-9/REGISTERED/c-9",
                MessageKey.of("c-9", Milestone.REGISTERED, "c-9"), null, "text", false, at, MessageState.FAILED, at, null, 2,
                null, null, null, null, at.plusSeconds(130), "outcome-unknown: hand-over interrupted", at.plusSeconds(1),
                3)));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/sms/outcome-unknown")).header("Authorization", AccessCheck.basicFor("OPERATOR")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":\"c-9/REGISTERED/c-9\"").contains("hand-over interrupted");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/sms/outcome-unknown?limit=0")).header("Authorization", AccessCheck.basicFor("OPERATOR")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("limit");
    }

    @Test
    void anonymousReporterGetsNoSms() throws Exception {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered("anon-1", "LY20261128-000009", null, null));
        publisher.publish(Topics.CASES_DISPATCHED,
                Events.dispatched("CASE-LY20261128-000009", "anon-1", "LY20261128-000009", "ECOLOGY_ENVIRONMENT"));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered("named-9", "LY20261128-000010", "13700009999",
                ContactSealer.withPublicKeyset(ContactKeys.ensure(Path.of("target/test-keys/thin-path")).publicKeyset())));
        publisher.publish(Topics.CASES_DISPATCHED,
                Events.dispatched("CASE-LY20261128-000010", "named-9", "LY20261128-000010", "ECOLOGY_ENVIRONMENT"));
        awaitSentSms("named-9", 2);
        assertThat(sentSms("anon-1")).isEmpty();
    }

    private void assertNumberAppearsNowhereInTheDatabase(String phone) {
        for (String name : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(name).find()) {
                assertThat(doc.toJson()).as("collection %s", name).doesNotContain(phone);
            }
        }
    }

    private static String text(List<Document> sms, String milestone) {
        return sms.stream().filter(d -> milestone.equals(d.getString("milestone"))).findFirst().orElseThrow().getString("text");
    }

    private List<Document> sentSms(String complaintId) {
        return mongo.getCollection("sent_sms").find(new Document("complaintId", complaintId)).into(new java.util.ArrayList<>());
    }

    private void awaitSentSms(String complaintId, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sentSms(complaintId).size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(sentSms(complaintId)).hasSize(count);
    }
}
