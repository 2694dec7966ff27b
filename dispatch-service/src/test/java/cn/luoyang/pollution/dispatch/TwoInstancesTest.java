package cn.luoyang.pollution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.dispatch.support.Http;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of dispatch-service, as a city runs it: this test's application (instance A) and a
 * second, separately started application (instance B) in the same consumer group, on the same
 * KRaft broker and the same MongoDB. Each holds two of the four partitions of
 * {@code complaints.registered}; anything one instance changes the other must see at once, but for the rule table
 * and roster, which it sees within their ttl ({@code dispatch.tables-ttl}).
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "spring.cloud.stream.bindings.registered-in-0.consumer.concurrency=2",
        "spring.cloud.stream.kafka.bindings.registered-in-0.consumer.configuration.client.id=dispatch-a"})
class TwoInstancesTest {

    private static final int INCIDENTS = 24;

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Value("${spring.mongodb.uri}")
    String mongoUri;
    @LocalServerPort
    int portA;

    private ConfigurableApplicationContext instanceB;
    private Http a;
    private Http b;
    private final World fixtures = new World();

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(DispatchServiceApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--spring.cloud.stream.bindings.registered-in-0.consumer.concurrency=2",
                "--spring.cloud.stream.kafka.bindings.registered-in-0.consumer.configuration.client.id=dispatch-b");
        a = new Http(portA);
        b = new Http(Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void reportsOfOneIncidentDecidedOnBothInstancesAtOnceMakeOneCase() throws Exception {
        Map<String, List<Integer>> partitions = registeredPartitionsByInstance();
        List<Integer> onA = partitions.get("dispatch-a");
        List<Integer> onB = partitions.get("dispatch-b");
        assertThat(onA).as("partitions held by instance A").hasSize(2);
        assertThat(onB).as("partitions held by instance B").hasSize(2);

        List<List<ComplaintRegistered>> incidents = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int k = 0; k < INCIDENTS; k++) {
                GeoPoint at = Luoyang.gcj(112.38 + (k % 6) * 0.013, 34.62 + (k / 6) * 0.014);
                List<ComplaintRegistered> same = new ArrayList<>();
                for (int r = 0; r < (k % 3 == 0 ? 3 : 2); r++) {
                    // copies up to 120 m apart, alternately on a partition of A and of B: each incident is raced across instances
                    ComplaintRegistered copy = fixtures.registered("two-" + k + "-" + r, "AIR_OPEN_BURNING",
                            Luoyang.east(at, r * (30 + 15 * (k % 4))), null, World.MORNING);
                    same.add(copy);
                    send(producer, copy, (r % 2 == 0 ? onA : onB).get(k % 2));
                }
                incidents.add(same);
            }
            producer.flush();
        }

        List<String> ids = incidents.stream().flatMap(List::stream).map(ComplaintRegistered::complaintId).toList();
        awaitDecisions(ids);
        for (int k = 0; k < INCIDENTS; k++) {
            List<String> same = incidents.get(k).stream().map(ComplaintRegistered::complaintId).toList();
            List<Document> cases = mongo.find(Query.query(Criteria.where("complaintIds").in(same)), Document.class, "cases");
            assertThat(cases).as("cases of incident %d", k).hasSize(1);
            assertThat(cases.get(0).getList("complaintIds", String.class)).as("incident %d", k).containsExactlyInAnyOrderElementsOf(same);
            List<Document> decisions = mongo.find(Query.query(Criteria.where("_id").in(same)), Document.class, "decisions");
            assertThat(decisions).extracting(d -> d.getString("outcome")).as("incident %d", k)
                    .containsOnlyOnce("DISPATCHED").containsOnly("DISPATCHED", "MERGED");
        }
    }

    /**
     * A rule saved through A decides on A at once and on B within the table ttl (B trusts the version it read for
     * {@code dispatch.tables-ttl}, 2 s); the alert level and the registry decide the very next complaint on the other.
     */
    @Test
    void ruleAlertLevelAndRegistryChangedThroughOneInstanceDecideOnTheOther() throws InterruptedException {
        String burning = explain("AIR_OPEN_BURNING", Luoyang.OLD_TOWN);
        JsonNode before = b.post("/dispatch/explain", burning).body();
        String ruleId = before.path("routing").path("ruleId").asString();
        assertThat(before.path("routing").path("priority").asString()).isEqualTo("ROUTINE");
        assertThat(before.path("routing").path("leadDepartment").asString()).isNotEqualTo("HOUSING_CONSTRUCTION");

        JsonNode rule = null;
        for (JsonNode r : a.get("/dispatch/rules").body().path("rules")) {
            rule = r.path("id").asString().equals(ruleId) ? r : rule;
        }
        ((ObjectNode) rule.path("then")).put("lead", "HOUSING_CONSTRUCTION");
        Http.Response saved = a.put("/dispatch/rules/" + ruleId, Http.json(Map.of("rule", rule, "changedBy", "攻坚办 A", "note", "test")));
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        assertThat(a.post("/dispatch/explain", burning).body().path("routing").path("leadDepartment").asString())
                .as("on the instance that saved it, at once").isEqualTo("HOUSING_CONSTRUCTION");
        JsonNode afterRule = explainOnceRuled(b, burning, saved.body().path("version").asInt());
        assertThat(afterRule.path("routing").path("leadDepartment").asString()).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(afterRule.path("routing").path("ruleVersion").asInt()).isEqualTo(saved.body().path("version").asInt());

        assertThat(a.put("/dispatch/alert-level", Http.json(Map.of("level", "ORANGE", "setBy", "攻坚办 A"))).status()).isEqualTo(200);
        assertThat(b.get("/dispatch/alert-level").body().path("level").asString()).isEqualTo("ORANGE");
        assertThat(b.post("/dispatch/explain", burning).body().path("routing").path("priority").asString()).isEqualTo("URGENT");
        assertThat(b.put("/dispatch/alert-level", Http.json(Map.of("level", "NONE", "setBy", "攻坚办 B"))).status()).isEqualTo(200);
        assertThat(a.post("/dispatch/explain", burning).body().path("routing").path("priority").asString()).isEqualTo("ROUTINE");

        GeoPoint site = Luoyang.east(Luoyang.LUOLONG, 40);
        String dust = explain("AIR_CONSTRUCTION_DUST", Luoyang.LUOLONG);
        assertThat(b.post("/dispatch/explain", dust).body().path("source").path("id").isMissingNode()).isTrue();
        Http.Response registered = a.post("/dispatch/sources", Http.json(Map.ofEntries(Map.entry("id", "TWO-SITE"),
                Map.entry("type", "CONSTRUCTION_SITE"), Map.entry("name", "工地"), Map.entry("longitude", site.longitude()),
                Map.entry("latitude", site.latitude()), Map.entry("datum", "GCJ02"), Map.entry("responsibleUnit", "单位"),
                Map.entry("responsibleLeader", "领导"), Map.entry("responsiblePerson", "责任人"), Map.entry("investmentWanYuan", 6000))));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        assertThat(b.post("/dispatch/explain", dust).body().path("source").path("id").asString()).isEqualTo("TWO-SITE");
    }

    @Test
    void aQueuedComplaintAssignedThroughBothInstancesAtOnceIsDispatchedOnce() throws Exception {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fixtures.registered("two-q", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        awaitDecisions(List.of("two-q"));
        String assignment = Http.json(Map.of("districtCode", "410325", "leadDepartment", "URBAN_MANAGEMENT", "level", "TOWNSHIP",
                "priority", "ROUTINE", "deadlineProfile", "STANDARD", "assignedBy", "攻坚办 值班员"));

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> viaA = CompletableFuture.supplyAsync(() -> await(start, () -> a.post("/dispatch/queue/two-q/assign", assignment).status()));
        CompletableFuture<Integer> viaB = CompletableFuture.supplyAsync(() -> await(start, () -> b.post("/dispatch/queue/two-q/assign", assignment).status()));
        start.countDown();

        assertThat(List.of(viaA.get(), viaB.get())).containsExactlyInAnyOrder(200, 409);
        try (TopicProbe dispatched = new TopicProbe(brokers, Topics.CASES_DISPATCHED)) {
            List<ConsumerRecord<String, byte[]>> all = dispatched.await(Integer.MAX_VALUE, Duration.ofSeconds(5));
            assertThat(all).filteredOn(r -> "CASE-LY20261128-two-q".equals(r.key()))
                    .filteredOn(r -> "case.dispatched.v1".equals(TopicProbe.header(r, CloudEventHeaders.TYPE))).hasSize(1);
        }
    }

    private static <T> T await(CountDownLatch start, java.util.function.Supplier<T> work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.get();
    }

    private static String explain(String category, GeoPoint at) {
        return Http.json(Map.of("category", category, "location", Map.of("longitude", at.longitude(), "latitude", at.latitude(),
                "datum", "GCJ02"), "observedAt", "2026-11-28T02:00:00Z"));
    }

    private void send(KafkaProducer<byte[], byte[]> producer, ComplaintRegistered event, int partition) {
        Message<byte[]> message = publisher.toMessage(event);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.COMPLAINTS_REGISTERED, partition,
                (byte[]) message.getHeaders().get(KafkaHeaders.KEY), message.getPayload());
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce")) {
                record.headers().add(name, (byte[]) value);
            }
        });
        producer.send(record);
    }

    /** B's explanation once it decides with this rule table version (within the ttl; 30 s at most, a bound, not a timing). */
    private static JsonNode explainOnceRuled(Http instance, String request, int version) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode answer = instance.post("/dispatch/explain", request).body();
        while (answer.path("routing").path("ruleVersion").asInt() < version && System.nanoTime() < end) {
            Thread.sleep(200);
            answer = instance.post("/dispatch/explain", request).body();
        }
        return answer;
    }

    private void awaitDecisions(List<String> ids) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Query query = Query.query(Criteria.where("_id").in(ids));
        while (mongo.count(query, "decisions") < ids.size() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(mongo.count(query, "decisions")).isEqualTo(ids.size());
    }

    /** Waits until the four partitions of complaints.registered are spread over both instances; by client id prefix. */
    private Map<String, List<Integer>> registeredPartitionsByInstance() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Map<String, List<Integer>> byInstance = Map.of();
            while (System.nanoTime() < end) {
                byInstance = new TreeMap<>();
                for (MemberDescription member : admin.describeConsumerGroups(List.of("dispatch-service")).all().get()
                        .get("dispatch-service").members()) {
                    for (TopicPartition p : member.assignment().topicPartitions()) {
                        if (p.topic().equals(Topics.COMPLAINTS_REGISTERED)) {
                            String instance = member.clientId().startsWith("dispatch-a") ? "dispatch-a"
                                    : member.clientId().startsWith("dispatch-b") ? "dispatch-b" : member.clientId();
                            byInstance.computeIfAbsent(instance, i -> new ArrayList<>()).add(p.partition());
                        }
                    }
                }
                if (byInstance.getOrDefault("dispatch-a", List.of()).size() == 2 && byInstance.getOrDefault("dispatch-b", List.of()).size() == 2) {
                    break;
                }
                Thread.sleep(250);
            }
            return byInstance;
        }
    }
}
