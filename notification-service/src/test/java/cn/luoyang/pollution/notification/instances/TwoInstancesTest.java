package cn.luoyang.pollution.notification.instances;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.NotificationServiceApplication;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.testing.ServiceTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances of notification-service, as a city runs it: this test's application (A) and a
 * second, separately started one (B) on the same KRaft broker and the same MongoDB, both sending
 * loops working one queue in small batches so that they decide on one number at the same moments.
 * The per-number caps are one count for both: never more than the cap in the window.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        TwoInstancesTest.KEYS,
        TwoInstancesTest.CAPS,
        TwoInstancesTest.PER_MINUTE,
        TwoInstancesTest.BATCH,
        TwoInstancesTest.POLL})
class TwoInstancesTest {

    static final String KEYS = "reporter-contact.keys-dir=target/test-keys/two-instances";
    static final String CAPS = "notification.caps.enabled=true";
    static final String PER_MINUTE = "notification.caps.per-minute=3";
    static final String BATCH = "notification.sending.batch=2";
    static final String POLL = "notification.sending.poll-interval=50ms";
    private static final String PHONE = "13766665555";
    private static final int MESSAGES = 24;

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Value("${spring.mongodb.uri}")
    String mongoUri;

    private ConfigurableApplicationContext instanceB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--" + KEYS, "--" + CAPS, "--" + PER_MINUTE, "--" + BATCH, "--" + POLL);
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void manyMessagesToOneNumberOnTwoInstancesAtOnceNeverPassTheCap() throws Exception {
        ContactSealer sealer = ContactSealer.withPublicKeyset(
                ContactKeys.ensure(Path.of("target/test-keys/two-instances")).publicKeyset());
        List<String> complaints = IntStream.range(0, MESSAGES).mapToObj(i -> "two-" + i).toList();
        for (int i = 0; i < MESSAGES; i++) {
            publisher.publish(Topics.COMPLAINTS_REGISTERED,
                    Events.registered(complaints.get(i), "LY20261128-1%05d".formatted(i), PHONE, sealer));
        }

        Query ours = Query.query(Criteria.where("complaintId").in(complaints));
        // every message decided at least once: three sent, the rest held by the cap
        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < end && decided(ours) < MESSAGES) {
            Thread.sleep(100);
        }
        List<Document> all = mongo.find(ours, Document.class, "sms_messages");
        assertThat(all).hasSize(MESSAGES);
        assertThat(all).filteredOn(d -> d.getDate("sentAt") != null).as("sent within the minute").hasSize(3);
        assertThat(all).filteredOn(d -> d.getDate("sentAt") == null)
                .allSatisfy(d -> assertThat(d.getString("state")).isEqualTo("QUEUED"))
                .allSatisfy(d -> assertThat(d.getString("reason")).isEqualTo("number-cap"));
        assertThat(mongo.count(Query.query(Criteria.where("maskedPhone").is("137****5555")), "sent_sms")).isEqualTo(3);
    }

    private long decided(Query ours) {
        return mongo.find(ours, Document.class, "sms_messages").stream()
                .filter(d -> d.getDate("sentAt") != null || "number-cap".equals(d.getString("reason"))).count();
    }
}
