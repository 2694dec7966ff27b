package cn.luoyang.pollution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.dispatch.support.Http;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.OnePartition;
import cn.luoyang.pollution.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The whole service over a real KRaft broker, the embedded MongoDB and HTTP. */
@ServiceTest
class DispatchServiceTest {

    private static final String NIGHT = "2026-11-28T15:30:00Z"; // 23:30 Beijing time
    private static final String NOON = "2026-11-28T04:00:00Z";

    @Autowired
    EventPublisher publisher;
    @Autowired
    EventCodec codec;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    private final World fixtures = new World();

    /** Reads the topic until {@code count} records match (other tests share the topic) or a minute passes. */
    private static List<ConsumerRecord<String, byte[]>> awaitRecords(TopicProbe probe, Predicate<ConsumerRecord<String, byte[]>> wanted,
            int count) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, byte[]>> matching = List.of();
        int want = 1;
        while (System.nanoTime() < end) {
            List<ConsumerRecord<String, byte[]>> all = probe.await(want, Duration.ofSeconds(2));
            matching = all.stream().filter(wanted).toList();
            if (matching.size() >= count) {
                return matching;
            }
            want = all.size() + 1;
        }
        return matching;
    }

    @Test
    void registeredComplaintIsDispatchedOnceEvenWhenRedeliveredAndAReturnReroutesIt() {
        ComplaintRegistered complaint = fixtures.registered("k1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);

        publisher.publish(Topics.COMPLAINTS_REGISTERED, complaint);
        publisher.publish(Topics.COMPLAINTS_REGISTERED, complaint);

        try (TopicProbe dispatched = new TopicProbe(brokers, Topics.CASES_DISPATCHED)) {
            List<ConsumerRecord<String, byte[]>> records = awaitRecords(dispatched, r -> "CASE-LY20261128-k1".equals(r.key()), 2);
            assertThat(records).hasSize(2);
            ConsumerRecord<String, byte[]> first = records.get(0);
            assertThat(TopicProbe.header(first, CloudEventHeaders.TYPE)).isEqualTo("case.dispatched.v1");
            assertThat(TopicProbe.header(records.get(1), CloudEventHeaders.ID)).isEqualTo(TopicProbe.header(first, CloudEventHeaders.ID));
            CaseDispatched event = (CaseDispatched) codec.decode("case.dispatched.v1", first.value());
            assertThat(event.leadDepartment()).isEqualTo("URBAN_MANAGEMENT");
            assertThat(event.territory().districtCode()).isEqualTo("410305");
            assertThat(event.trace()).isNotEmpty();
            assertThat(mongo.count(Query.query(Criteria.where("_id").is("CASE-LY20261128-k1")), "cases")).isEqualTo(1);
            assertThat(mongo.count(Query.query(Criteria.where("_id").is("k1")), "decisions")).isEqualTo(1);

            publisher.publish(Topics.CASES_LIFECYCLE, new CaseReturned("ret-1", "CASE-LY20261128-k1", "URBAN_MANAGEMENT",
                    "NOT_OUR_DUTY", "不属于本单位职责", 1, null, World.MORNING, 1));

            List<ConsumerRecord<String, byte[]>> all = awaitRecords(dispatched, r -> "CASE-LY20261128-k1".equals(r.key()), 3);
            CaseDispatched rerouted = (CaseDispatched) codec.decode("case.dispatched.v1", all.get(2).value());
            assertThat(rerouted.routingRound()).isEqualTo(2);
            assertThat(rerouted.leadDepartment()).isNotEqualTo("URBAN_MANAGEMENT");
        }
    }

    @Test
    void ambiguousComplaintWaitsInTheQueueUntilTheCampaignOfficeAssignsItByHand() {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fixtures.registered("k2", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        Http http = new Http(port);

        try (TopicProbe dispatched = new TopicProbe(brokers, Topics.CASES_DISPATCHED)) {
            ConsumerRecord<String, byte[]> failed = awaitRecords(dispatched, r -> "k2".equals(r.key()), 1).get(0);
            assertThat(TopicProbe.header(failed, CloudEventHeaders.TYPE)).isEqualTo("dispatch.failed.v1");
            assertThat(http.get("/dispatch/queue").body().findValuesAsString("id")).contains("k2");

            Http.Response assigned = http.post("/dispatch/queue/k2/assign", Http.json(Map.of("districtCode", "410325",
                    "townshipCode", "410325100", "leadDepartment", "URBAN_MANAGEMENT", "level", "TOWNSHIP", "priority", "ROUTINE",
                    "deadlineProfile", "STANDARD", "assignedBy", "攻坚办 值班员")));

            assertThat(assigned.status()).isEqualTo(200);
            ConsumerRecord<String, byte[]> manual = awaitRecords(dispatched, r -> "CASE-LY20261128-k2".equals(r.key()), 1).get(0);
            CaseDispatched event = (CaseDispatched) codec.decode("case.dispatched.v1", manual.value());
            assertThat(event.territory().foundBy()).isEqualTo(Territory.FoundBy.MANUAL);
            assertThat(http.post("/dispatch/queue/k2/assign", Http.json(Map.of("districtCode", "410325",
                    "leadDepartment", "URBAN_MANAGEMENT", "level", "TOWNSHIP", "priority", "ROUTINE",
                    "deadlineProfile", "STANDARD", "assignedBy", "someone"))).status()).isEqualTo(409);
        }
    }

    @Test
    void returnOfACaseDispatchNeverOpenedIsDeadLetteredWithItsReason() {
        publisher.publish(Topics.CASES_LIFECYCLE, new CaseReturned("ret-x", "CASE-NOPE", "URBAN_MANAGEMENT", "NOT_OUR_DUTY",
                "?", 1, null, World.MORNING, 1));

        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.CASES_LIFECYCLE))) {
            ConsumerRecord<String, byte[]> record = dead.await(1, Duration.ofSeconds(60)).get(0);
            assertThat(TopicProbe.header(record, CloudEventHeaders.DLT_REASON)).isEqualTo("unknown-case");
        }
    }

    @Test
    void aPoisonRecordInABatchGoesAloneToTheDeadLettersWithItsReasonAndTheOthersAreDecidedOnce() throws Exception {
        ComplaintRegistered before = fixtures.registered("k-p1", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING);
        ComplaintRegistered after = fixtures.registered("k-p2", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // one partition, one flush: the three records reach the consumer together (one poll)
            producer.send(record(publisher.toMessage(before)));
            ProducerRecord<byte[], byte[]> poison = record(publisher.toMessage(after));
            producer.send(new ProducerRecord<>(Topics.COMPLAINTS_REGISTERED, 0, "k-poison".getBytes(StandardCharsets.UTF_8),
                    "{broken".getBytes(StandardCharsets.UTF_8), poison.headers()));
            producer.send(record(publisher.toMessage(after)));
            producer.flush();
        }

        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.COMPLAINTS_REGISTERED));
                TopicProbe dispatched = new TopicProbe(brokers, Topics.CASES_DISPATCHED)) {
            List<ConsumerRecord<String, byte[]>> failed = awaitRecords(dispatched, r -> r.key().startsWith("k-p"), 2);
            assertThat(failed).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("k-p1", "k-p2");
            List<ConsumerRecord<String, byte[]>> deadOnes = awaitRecords(dead, r -> true, 1);
            assertThat(deadOnes).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("k-poison");
                assertThat(TopicProbe.header(r, CloudEventHeaders.DLT_REASON)).isEqualTo("malformed-json");
            });
        }
        assertThat(mongo.count(Query.query(Criteria.where("_id").in("k-p1", "k-p2")), "decisions")).isEqualTo(2);
    }

    private static ProducerRecord<byte[], byte[]> record(org.springframework.messaging.Message<byte[]> message) {
        return OnePartition.record(Topics.COMPLAINTS_REGISTERED, 0, message);
    }

    static Stream<Arguments> seedScenarios() {
        return Stream.of(
                Arguments.of("large construction site", "CONSTRUCTION_SITE,SITE-L,20000,,", "AIR_CONSTRUCTION_DUST", Luoyang.JIANXI,
                        null, NOON, "CONSTRUCTION-LARGE", "HOUSING_CONSTRUCTION", List.of("ECOLOGY_ENVIRONMENT")),
                Arguments.of("small construction site", "CONSTRUCTION_SITE,SITE-S,800,,", "AIR_CONSTRUCTION_DUST", Luoyang.LUOLONG,
                        null, NOON, "CONSTRUCTION-SMALL", "DISTRICT_GOVERNMENT", List.of("HOUSING_CONSTRUCTION")),
                Arguments.of("site of an industry system", "CONSTRUCTION_SITE,SITE-W,30000,WATER_AFFAIRS,", "AIR_CONSTRUCTION_DUST",
                        Luoyang.YIYANG, null, NOON, "CONSTRUCTION-INDUSTRY-SYSTEM", "WATER_AFFAIRS", List.of("HOUSING_CONSTRUCTION")),
                Arguments.of("muck truck at night", null, "AIR_MUCK_TRUCK", Luoyang.JIANXI, null, NIGHT, "MUCK-TRUCK-NIGHT",
                        "URBAN_MANAGEMENT", List.of("TRAFFIC_POLICE")),
                Arguments.of("muck truck at noon", null, "AIR_MUCK_TRUCK", Luoyang.JIANXI, null, NOON, "MUCK-TRUCK",
                        "URBAN_MANAGEMENT", List.of()),
                Arguments.of("straw burning in a township", null, "AIR_STRAW_BURNING", null, "宜阳县柳泉镇南边麦地", NOON,
                        "STRAW-BURNING", "AGRICULTURE", List.of("TOWNSHIP_GOVERNMENT")),
                Arguments.of("sewage outlet on a river", "SEWAGE_OUTLET,OUTLET-1,,,洛河", "WATER_SEWAGE_OUTLET", Luoyang.MENGJIN,
                        null, NOON, "SEWAGE-OUTLET", "ECOLOGY_ENVIRONMENT", List.of("WATER_AFFAIRS")),
                Arguments.of("open-air barbecue in the old town", null, "AIR_OPEN_BBQ", Luoyang.OLD_TOWN, null, NIGHT,
                        "OPEN-BBQ-OLD-TOWN", "URBAN_MANAGEMENT", List.of("TOWNSHIP_GOVERNMENT")),
                Arguments.of("small scattered polluting workshop", null, "AIR_SMALL_POLLUTING_WORKSHOP", Luoyang.YANSHI, null, NOON,
                        "SMALL-POLLUTING-WORKSHOP", "DISTRICT_GOVERNMENT", List.of("ECOLOGY_ENVIRONMENT", "INDUSTRY_IT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedScenarios")
    void explainGivesTheRightUnitWithItsTraceForEachSeedScenario(String scenario, String source, String category,
            cn.luoyang.pollution.contracts.GeoPoint at, String address, String observedAt, String ruleId, String lead,
            List<String> coHandlers) {
        Http http = new Http(port);
        if (source != null) {
            String[] s = source.split(",", -1);
            Http.Response registered = http.post("/dispatch/sources", Http.json(Map.ofEntries(Map.entry("id", s[1]),
                    Map.entry("type", s[0]), Map.entry("name", scenario), Map.entry("longitude", at.longitude()),
                    Map.entry("latitude", at.latitude()), Map.entry("datum", "GCJ02"), Map.entry("responsibleUnit", "单位"),
                    Map.entry("responsibleLeader", "领导"), Map.entry("responsiblePerson", "责任人"),
                    Map.entry("investmentWanYuan", s[2].isEmpty() ? 0 : Long.parseLong(s[2])),
                    Map.entry("ownerSystem", s[3]), Map.entry("waterBody", s[4]))));
            assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        }
        String location = at == null ? "null" : Http.json(Map.of("longitude", at.longitude(), "latitude", at.latitude(), "datum", "GCJ02"));
        String request = "{\"category\":\"" + category + "\",\"location\":" + location + ",\"addressText\":"
                + (address == null ? "null" : "\"" + address + "\"") + ",\"observedAt\":\"" + observedAt + "\"}";

        Http.Response response = http.post("/dispatch/explain", request);

        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.path("outcome").asString()).isEqualTo("DISPATCH");
        assertThat(body.path("routing").path("ruleId").asString()).isEqualTo(ruleId);
        assertThat(body.path("routing").path("leadDepartment").asString()).isEqualTo(lead);
        assertThat(body.path("routing").path("coHandlingDepartments").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(coHandlers);
        assertThat(body.path("trace").valueStream().map(n -> n.path("step").asString()).toList()).contains("territory", "rule");
        if (source != null) {
            assertThat(body.path("source").path("id").asString()).isEqualTo(source.split(",")[1]);
        }
    }

    @Test
    void explainWithoutACategoryIsABadRequestNamingTheField() {
        Http.Response response = new Http(port).post("/dispatch/explain", "{\"addressText\":\"涧西区\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("category");
    }

    @Test
    void ruleTableWithAnUnknownDepartmentIsRejectedWithAClearMessage() {
        String table = "{\"changedBy\":\"admin\",\"rules\":[{\"id\":\"R1\",\"precedence\":10,\"description\":\"x\","
                + "\"when\":{\"categories\":[\"AIR_ODOUR\"]},\"then\":{\"lead\":\"MINISTRY_OF_MAGIC\",\"level\":\"CITY\","
                + "\"priority\":\"ROUTINE\",\"deadlineProfile\":\"STANDARD\"}}]}";

        Http.Response response = new Http(port).put("/dispatch/rules", table);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("message").asString()).isEqualTo("unknown department MINISTRY_OF_MAGIC");
        assertThat(new Http(port).get("/dispatch/rules").body().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void csvImportRegistersEveryRowOrRejectsTheFileNamingEachBrokenRow() {
        Http http = new Http(port);
        String good = "id,type,name,longitude,latitude,responsibleUnit,responsibleLeader,responsiblePerson,investmentWanYuan\n"
                + "CSV-1,BOILER,锅炉一,112.37,34.65,单位,领导,责任人,\n"
                + "CSV-2,CONSTRUCTION_SITE,工地二,112.38,34.65,单位,领导,责任人,1200\n";
        String bad = "id,type,name,longitude,latitude,responsibleUnit,responsibleLeader,responsiblePerson,investmentWanYuan\n"
                + "CSV-3,BOILER,锅炉三,east,34.65,单位,领导,责任人,\n"
                + "CSV-1,BOILER,锅炉一,112.37,34.65,单位,领导,责任人,\n";

        Http.Response imported = http.postCsv("/dispatch/sources/import", good);
        Http.Response rejected = http.postCsv("/dispatch/sources/import", bad);

        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.body().path("imported").asInt()).isEqualTo(2);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("rows[1].longitude", "rows[2].id");
        assertThat(http.get("/dispatch/sources/CSV-3").status()).isEqualTo(404);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("CSV-2")), "sources")).isEqualTo(1);
    }

    @Test
    void theRegistryNamesEachSourcesMonitorsAndAMonitorBelongsToOneSourceOnly() {
        Http http = new Http(port);
        // in 偃师, far from the explain scenarios' sites (the context, and so the registry, is shared)
        String header = "id,type,name,longitude,latitude,responsibleUnit,responsibleLeader,responsiblePerson,investmentWanYuan,monitors\n";
        Http.Response imported = http.postCsv("/dispatch/sources/import", header
                + "MON-1,CONSTRUCTION_SITE,工地一,112.751,34.64,单位,领导,责任人,1200,410305LY0001SITE0001;410305LY0002SITE0001\n"
                + "MON-2,BOILER,锅炉二,112.755,34.64,单位,领导,责任人,,\n");
        Http.Response rejected = http.postCsv("/dispatch/sources/import", header
                + "MON-3,CONSTRUCTION_SITE,工地三,112.760,34.64,单位,领导,责任人,900,410305LY0002SITE0001\n"
                + "MON-4,CONSTRUCTION_SITE,工地四,112.765,34.64,单位,领导,责任人,900,LY-0004 bad!\n"
                + "MON-5,CONSTRUCTION_SITE,工地五,112.770,34.64,单位,领导,责任人,900,410305LY0005SITE0005\n"
                + "MON-6,CONSTRUCTION_SITE,工地六,112.775,34.64,单位,领导,责任人,900,410305LY0005SITE0005\n");
        Http.Response taken = http.post("/dispatch/sources", "{\"id\":\"MON-7\",\"type\":\"CONSTRUCTION_SITE\",\"name\":\"工地七\","
                + "\"longitude\":112.780,\"latitude\":34.64,\"responsibleUnit\":\"单位\",\"responsibleLeader\":\"领导\","
                + "\"responsiblePerson\":\"责任人\",\"investmentWanYuan\":900,\"monitors\":[\"410305LY0001SITE0001\"]}");

        assertThat(imported.status()).isEqualTo(201);
        assertThat(http.get("/dispatch/sources/MON-1").body().path("monitors").valueStream().map(m -> m.asString()).toList())
                .containsExactly("410305LY0001SITE0001", "410305LY0002SITE0001");
        assertThat(http.get("/dispatch/sources/MON-2").body().path("monitors").isEmpty()).isTrue();
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("rows[1].monitors", "rows[2].monitors", "rows[2].monitors", "rows[4].monitors");
        assertThat(mongo.count(Query.query(Criteria.where("_id").in("MON-3", "MON-4", "MON-5", "MON-6")), "sources")).isZero();
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body().path("errors").get(0).path("message").asString())
                .isEqualTo("monitor 410305LY0001SITE0001 belongs to source MON-1");
        // the map's listing: each monitor at its source's position, and no responsible people
        List<tools.jackson.databind.JsonNode> mine = http.get("/dispatch/monitors").body().valueStream()
                .filter(m -> m.path("sourceId").asString().startsWith("MON-")).toList();
        assertThat(mine).extracting(m -> m.path("mn").asString()).containsExactly("410305LY0001SITE0001", "410305LY0002SITE0001");
        assertThat(mine.get(0).path("longitude").asDouble()).isEqualTo(112.751);
        assertThat(mine.get(0).path("datum").asString()).isEqualTo("GCJ02");
        assertThat(mine.get(0).has("responsiblePerson")).isFalse();
    }

    @Test
    void aResponsibleMobileIsSealedAtImportAndAnsweredMaskedOnly() {
        Http http = new Http(port);
        String header = "id,type,name,longitude,latitude,responsibleUnit,responsibleLeader,responsiblePerson,investmentWanYuan,"
                + "monitors,responsibleMobile\n";
        Http.Response imported = http.postCsv("/dispatch/sources/import", header
                + "MOB-1,CONSTRUCTION_SITE,工地手机一,112.790,34.64,单位,领导,李经理,1200,410305LY0011SITE0011,+86 139-0015-8811\n"
                + "MOB-2,CONSTRUCTION_SITE,工地手机二,112.795,34.64,单位,领导,王经理,1200,,\n");
        Http.Response refused = http.postCsv("/dispatch/sources/import", header
                + "MOB-3,CONSTRUCTION_SITE,工地手机三,112.800,34.64,单位,领导,赵经理,1200,,0379-63211234\n");

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        JsonNode one = http.get("/dispatch/sources/MOB-1").body();
        assertThat(one.path("responsibleMobile").asString()).isEqualTo("139****8811");
        assertThat(one.toString()).doesNotContain("13900158811").doesNotContain("sealed");
        assertThat(http.get("/dispatch/sources/MOB-2").body().path("responsibleMobile").isNull()).isTrue();
        assertThat(http.get("/dispatch/sources").body().toString()).doesNotContain("13900158811").doesNotContain("sealed");
        assertThat(mongo.findById("MOB-1", org.bson.Document.class, "sources").toJson()).doesNotContain("13900158811")
                .contains("139****8811");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("rows[1].responsibleMobile");
        assertThat(refused.body().toString()).doesNotContain("63211234");
    }

    @Test
    void aGridsOutlineIsItsCellAndTheCellsAroundItInGcj02() {
        Http http = new Http(port);
        // inside 嵩县, far from any district boundary: a whole lattice square
        String gridId = http.get("/dispatch/territory?longitude=112.08&latitude=34.13").body().path("territory").path("gridId").asString();

        Http.Response outline = http.get("/dispatch/territory/grids/" + gridId + "/outline");

        assertThat(outline.status()).isEqualTo(200);
        assertThat(outline.body().path("datum").asString()).isEqualTo("GCJ02");
        List<tools.jackson.databind.JsonNode> features = outline.body().path("features").valueStream().toList();
        assertThat(features.get(0).path("id").asString()).isEqualTo(gridId);
        assertThat(features.get(0).path("properties").path("focus").asBoolean()).isTrue();
        // a lattice cell inside the city touches eight others; none is itself
        assertThat(features).hasSize(9);
        assertThat(features.subList(1, 9)).allSatisfy(f -> assertThat(f.path("properties").path("focus").asBoolean()).isFalse())
                .extracting(f -> f.path("id").asString()).doesNotContain(gridId).doesNotHaveDuplicates();
        List<Double> longitudes = features.get(0).path("geometry").path("coordinates").get(0).get(0).valueStream()
                .map(p -> p.get(0).asDouble()).toList();
        assertThat(longitudes).anySatisfy(x -> assertThat(x).isLessThan(112.08)).anySatisfy(x -> assertThat(x).isGreaterThan(112.08));
        assertThat(http.get("/dispatch/territory/grids/410305-9999/outline").status()).isEqualTo(404);
    }

    @Test
    void theGridRosterIsImportedWholeOrNotAtAllAndACaseInTheGridNamesItsTeam() {
        Http http = new Http(port);
        String broken = "gridId,role,userId,name\n"
                + "410305-0017,LEADER,grid-leader-0017,网格长 李强\n"
                + "410305-G001,MEMBER,grid-x,网格员 甲\n"
                + "410305-0017,CAPTAIN,grid-y,网格员 乙\n"
                + "410305-0017,MEMBER,,网格员 丙\n";
        String good = "gridId,role,userId,name\n"
                + "410305-0017,LEADER,grid-leader-0017,网格长 李强\n"
                + "410305-0017,MEMBER,grid-jianxi,网格员 周杰\n"
                + "410305-0018,MEMBER,grid-jianxi-2,网格员 王磊\n";

        Http.Response rejected = http.putCsv("/dispatch/grids/roster", broken);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("line 3.gridId", "line 4.role", "line 5.userId");
        assertThat(http.get("/dispatch/grids/410305-0017/team").status()).isEqualTo(404);

        Http.Response imported = http.putCsv("/dispatch/grids/roster", good);
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(200);
        assertThat(imported.body().path("grids").asInt()).isEqualTo(2);
        assertThat(imported.body().path("people").asInt()).isEqualTo(3);
        assertThat(imported.body().path("changedBy").asString()).isNotBlank();
        JsonNode team = http.get("/dispatch/grids/410305-0017/team").body();
        assertThat(team.path("leader").path("name").asString()).isEqualTo("网格长 李强");
        assertThat(team.path("members").get(0).path("userId").asString()).isEqualTo("grid-jianxi");

        // days after the other tests' reports at the same place, so it opens a case of its own
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fixtures.registered("k-grid", "AIR_OPEN_BURNING", Luoyang.JIANXI, null,
                World.MORNING.plus(Duration.ofDays(5))));
        try (TopicProbe dispatched = new TopicProbe(brokers, Topics.CASES_DISPATCHED)) {
            ConsumerRecord<String, byte[]> record = awaitRecords(dispatched, r -> "CASE-LY20261128-k-grid".equals(r.key()), 1).get(0);
            CaseDispatched event = (CaseDispatched) codec.decode("case.dispatched.v1", record.value());
            assertThat(event.territory().gridId()).isEqualTo("410305-0017");
            assertThat(event.gridTeam().leader().userId()).isEqualTo("grid-leader-0017");
            assertThat(event.gridTeam().members()).extracting(m -> m.userId()).containsExactly("grid-jianxi");
            assertThat(event.trace()).anyMatch(s -> s.step().equals("grid-team") && s.detail().contains("网格长 李强"));
        }
    }
}
