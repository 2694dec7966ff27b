package cn.luoyang.pollution.complaint.instances;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.ComplaintServiceApplication;
import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Two instances of complaint-service, as a city runs it behind a balancer: this test's application
 * (A) and a second, separately started one (B) on the same KRaft broker and the same MongoDB. A
 * client's requests spread over both are limited as one client; one {@code Idempotency-Key} sent to
 * both at once gives one complaint; both outbox sweeps working the same backlog publish each event once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        TwoInstancesTest.SWEEP,
        TwoInstancesTest.LIMITED,
        TwoInstancesTest.LOOKUPS,
        TwoInstancesTest.INTAKES})
class TwoInstancesTest extends ServiceHarness {

    static final String SWEEP = "complaints.outbox.relay-interval=PT0.1S";
    static final String LIMITED = "complaints.public-surface.rate-limits.enabled=true";
    static final String LOOKUPS = "complaints.public-surface.rate-limits.lookup-per-minute=8";
    static final String INTAKES = "complaints.public-surface.rate-limits.intake-per-minute=1000";
    private static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([^\"]+)\"");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoComplaints complaints;
    @Value("${spring.mongodb.uri}")
    String mongoUri;

    private ConfigurableApplicationContext instanceB;
    private int portB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(ComplaintServiceApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--reporter-contact.public-keyset=" + KEYS.publicKeyset(),
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--server.shutdown=immediate",
                "--" + SWEEP, "--" + LIMITED, "--" + LOOKUPS, "--" + INTAKES);
        portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aClientsLookupsSpreadOverBothInstancesAreLimitedAsOneClient() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> await(start, () -> send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (i % 2 == 0 ? port : portB) + "/api/complaints/LY20261128-9%05d"
                                .formatted(i))).header("Phone-Last4", "1234").GET().build()).statusCode())))
                .toList();
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get());
        }

        // 8 a minute for the client on both instances together (one more may refill while the calls run);
        // buckets per instance would have let all 16 through
        assertThat(statuses.stream().filter(s -> s != 429).count()).as(statuses.toString()).isBetween(8L, 9L);
        assertThat(statuses).contains(429);
    }

    @Test
    void oneIdempotencyKeySentToBothInstancesAtOnceGivesOneComplaint() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "two-instances-1");
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> viaA = CompletableFuture.supplyAsync(
                () -> await(start, () -> post(port, Reports.nativeReport("13900003333"), key)));
        CompletableFuture<HttpResponse<String>> viaB = CompletableFuture.supplyAsync(
                () -> await(start, () -> post(portB, Reports.nativeReport("13900003333"), key)));
        start.countDown();

        assertThat(List.of(viaA.get().statusCode(), viaB.get().statusCode())).containsExactlyInAnyOrder(201, 200);
        assertThat(tracking(viaA.get())).isEqualTo(tracking(viaB.get()));
        List<org.bson.Document> stored = mongo.find(Query.query(Criteria.where("naturalKey").is("web:two-instances-1")),
                org.bson.Document.class, "complaints");
        assertThat(stored).hasSize(1);
        String complaintId = stored.get(0).getString("_id");
        eventually(Duration.ofSeconds(20), () -> outboxEmpty(List.of(complaintId)), "the event published");
        try (TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
            assertThat(registered.await(Integer.MAX_VALUE, Duration.ofSeconds(3))).filteredOn(r -> complaintId.equals(r.key())).hasSize(1);
        }
    }

    @Test
    void bothInstancesSweepingOneBacklogPublishEachEventOnce() throws Exception {
        Instant now = Instant.now();
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> "backlog-" + i).toList();
        for (int i = 0; i < ids.size(); i++) {
            // stored with their event and never published, as a request that died after its write leaves them
            complaints.insert(Complaint.register(ids.get(i), "LY20261128-8%05d".formatted(i), draft(ids.get(i)),
                    "ev-" + ids.get(i), now, Duration.ZERO));
        }

        eventually(Duration.ofSeconds(30), () -> outboxEmpty(ids), "every outbox emptied by the sweeps");
        try (TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
            Map<String, Long> copies = registered.await(Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .filter(r -> ids.contains(r.key()))
                    .collect(Collectors.groupingBy(r -> TopicProbe.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(copies).hasSize(ids.size());
            assertThat(copies.values()).as("copies of each event").containsOnly(1L);
        }
    }

    private boolean outboxEmpty(List<String> ids) {
        return mongo.count(Query.query(Criteria.where("_id").in(ids).and("outbox.0").exists(true)), "complaints") == 0;
    }

    private static ComplaintDraft draft(String id) {
        return new ComplaintDraft("hotline", "T-" + id, Channel.HOTLINE_12369, "AIR_DUST", null, "工地扬尘",
                new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84), "洛龙区", Instant.now(), true, List.of(),
                new ReporterContact(false, "sealed", "138****0000", PhoneKind.MOBILE), false);
    }

    private HttpResponse<String> post(int to, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + "/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static String tracking(HttpResponse<String> answer) {
        Matcher m = TRACKING.matcher(answer.body());
        assertThat(m.find()).as(answer.body()).isTrue();
        return m.group(1);
    }

    private static <T> T await(CountDownLatch start, Supplier<T> work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.get();
    }
}
