package cn.luoyang.pollution.notification.instances;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.NotificationServiceApplication;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances of notification-service, as a city runs it: this test's application (A) and a
 * second, separately started one (B) on the same KRaft broker and the same MongoDB, both sending
 * loops working one queue in small batches so that they decide on one number at the same moments.
 * The per-number caps are one count for both: never more than the cap in the window. Both loops'
 * outbox sweeps work the same pending events, the loops the same due unit alerts: each event is published once, each
 * webhook posted once.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        TwoInstancesTest.KEYS,
        TwoInstancesTest.CAPS,
        TwoInstancesTest.PER_MINUTE,
        TwoInstancesTest.BATCH,
        TwoInstancesTest.POLL,
        TwoInstancesTest.SIGNING,
        TwoInstancesTest.SWEEP,
        TwoInstancesTest.QUICK_STOP,
        TwoInstancesTest.QUICK_SERVER_STOP})
class TwoInstancesTest {

    static final String KEYS = "reporter-contact.keys-dir=target/test-keys/two-instances";
    static final String CAPS = "notification.caps.enabled=true";
    static final String PER_MINUTE = "notification.caps.per-minute=3";
    static final String BATCH = "notification.sending.batch=2";
    static final String POLL = "notification.sending.poll-interval=50ms";
    static final String SIGNING = "notification.units.signing-secret=two-instances-secret";
    static final String SWEEP = "notification.outbox.sweep-interval=100ms";
    static final String QUICK_STOP = "spring.lifecycle.timeout-per-shutdown-phase=2s";
    static final String QUICK_SERVER_STOP = "server.shutdown=immediate";
    private static final String PHONE = "13766665555";
    /** A unit's webhook endpoint: counts the posts of each alert (its Idempotency-Key). */
    static final Map<String, Integer> POSTS = new ConcurrentHashMap<>();
    static final HttpServer UNIT = startUnit();
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

    @Autowired
    Messages messages;

    @DynamicPropertySource
    static void unitWebhook(DynamicPropertyRegistry registry) {
        registry.add("notification.units.default-webhook", TwoInstancesTest::unitUrl);
    }

    static String unitUrl() {
        return "http://127.0.0.1:" + UNIT.getAddress().getPort() + "/hook";
    }

    private static HttpServer startUnit() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                POSTS.merge(exchange.getRequestHeaders().getFirst("Idempotency-Key"), 1, Integer::sum);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--" + KEYS, "--" + CAPS, "--" + PER_MINUTE, "--" + BATCH, "--" + POLL, "--" + SIGNING, "--" + SWEEP,
                "--" + QUICK_STOP, "--" + QUICK_SERVER_STOP, "--notification.units.default-webhook=" + unitUrl());
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
        UNIT.stop(0);
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

    @Test
    void bothSweepsWorkingThePendingEventsPublishEachOnce() throws Exception {
        Instant at = Instant.now();
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> "pending-" + i).toList();
        for (String id : ids) {
            // as a broker outage leaves them: the outcome stored, its ReporterNotified not yet published
            SmsMessage message = SmsMessage.restore(new SmsMessage.Snapshot(id + "/REGISTERED/" + id,
                    MessageKey.of(id, Milestone.REGISTERED, id), null, "text", false, at, MessageState.SENDING, at, null, 1,
                    null, null, null, null, null, null, null, 3));
            message.failed("rejected: test", at);
            messages.add(message); // the change and its outbox entry, nobody to publish it but the sweeps
        }

        Query ours = Query.query(Criteria.where("complaintId").in(ids).and("outbox.0").exists(true));
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && mongo.count(ours, "sms_messages") > 0) {
            Thread.sleep(100);
        }
        assertThat(mongo.count(ours, "sms_messages")).isZero();
        try (TopicProbe notified = new TopicProbe(brokers, Topics.REPORTERS_NOTIFIED)) {
            Map<String, Long> copies = notified.await(Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .filter(r -> ids.contains(r.key()))
                    .collect(Collectors.groupingBy(r -> TopicProbe.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(copies).hasSize(ids.size());
            assertThat(copies.values()).as("copies of each event").containsOnly(1L);
        }
    }

    @Test
    void bothSweepsWorkingTheDueUnitAlertsPostEachOnce() throws Exception {
        List<String> cases = IntStream.range(0, 30).mapToObj(i -> "CASE-TWO-" + i).toList();
        for (String caseId : cases) {
            publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched(caseId, "unit-" + caseId, "LY-" + caseId, "URBAN_MANAGEMENT"));
        }

        Query ours = Query.query(Criteria.where("caseId").in(cases).and("state").is("DELIVERED"));
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && mongo.count(ours, "unit_alerts") < cases.size()) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // a second post would have had several sweeps' time to happen
        assertThat(mongo.count(ours, "unit_alerts")).isEqualTo(cases.size());
        Map<String, Integer> posts = POSTS.entrySet().stream().filter(e -> e.getKey().startsWith("CASE-TWO-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(posts).hasSize(cases.size());
        // each try posts once: an alert is posted again only after a try that failed (a webhook timeout on a
        // loaded machine, counted in the alert's attempts), never by the second sweep taking it beside the first
        Map<String, Integer> attempts = mongo.find(ours, Document.class, "unit_alerts").stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d.getInteger("attempts")));
        assertThat(posts).as("posts of each alert = its tries").isEqualTo(attempts);
        assertThat(attempts.values()).as("most alerts are delivered at the first try")
                .filteredOn(tries -> tries == 1).hasSizeGreaterThan(cases.size() / 2);
    }

    private long decided(Query ours) {
        return mongo.find(ours, Document.class, "sms_messages").stream()
                .filter(d -> d.getDate("sentAt") != null || "number-cap".equals(d.getString("reason"))).count();
    }
}
