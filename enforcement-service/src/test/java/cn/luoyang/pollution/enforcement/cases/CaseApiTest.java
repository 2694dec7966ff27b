package cn.luoyang.pollution.enforcement.cases;

import static cn.luoyang.pollution.testing.security.AccessCheck.Row.only;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.ApiClient;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.SitePhotos;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.OnePartition;
import cn.luoyang.pollution.testing.TopicProbe;
import cn.luoyang.pollution.testing.security.AccessCheck;
import cn.luoyang.pollution.testing.security.AccessCheck.Row;
import cn.luoyang.pollution.testing.security.ActuatorCheck;
import cn.luoyang.pollution.testing.security.EndpointCoverage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The service over a real broker, Mongo and HTTP: the thin path, who is refused where, an
 * unalterable timeline, a crash between Mongo and Kafka, and the whole loop narrated. One class,
 * so one application context for the module's HTTP tests.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class CaseApiTest {

    static final String GUARDED = "CASE-LY20261127-000300";

    private static final String[] OFFICERS = {"HANDLER", "GRID_MEMBER", "CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN"};

    /**
     * Who owns each API endpoint: every officer role reaches the case API (which case each may see or
     * act on is the application's decision, tested below), the supervision list only the offices above
     * the units; hotline operators and service accounts reach nothing.
     */
    static final List<Row> OWNERS = List.of(
            only("GET", "/api/supervision", "CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN"),
            only("GET", "/api/reinspections", OFFICERS),
            only("GET", "/api/me", OFFICERS),
            only("GET", "/api/cases/inbox", OFFICERS),
            only("GET", "/api/cases/CASE-NONE", OFFICERS),
            only("GET", "/api/cases/CASE-NONE/reports", OFFICERS),
            only("GET", "/api/statistics/weekly", OFFICERS),
            only("GET", "/api/statistics/weekly.csv", OFFICERS),
            only("GET", "/api/statistics/trend", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/accept", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/return", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/inspection", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/unfounded", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/rectification-order", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/rectified", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/rectification-check", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/verification", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/penalty", OFFICERS),
            only("GET", "/api/cases/CASE-NONE/evidence", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/evidence", OFFICERS),
            only("GET", "/api/cases/CASE-NONE/evidence/NONE", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/close", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/closure-decision", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/contributions", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/extension-request", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/extension-decision", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/reopen", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/supervision", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/urge", OFFICERS),
            only("POST", "/api/cases/CASE-NONE/reinspection", OFFICERS),
            only("GET", "/api/rewards", "CAMPAIGN_OFFICE", "ADMIN"),
            only("GET", "/api/rewards/rules", "CAMPAIGN_OFFICE", "ADMIN"),
            only("GET", "/api/rewards/statistics", "CAMPAIGN_OFFICE", "ADMIN"),
            only("GET", "/api/rewards/NONE", "CAMPAIGN_OFFICE", "ADMIN"),
            only("POST", "/api/rewards/NONE/approval", "CAMPAIGN_OFFICE", "ADMIN"),
            only("POST", "/api/rewards/NONE/refusal", "CAMPAIGN_OFFICE", "ADMIN"),
            only("POST", "/api/rewards/NONE/payment", "CAMPAIGN_OFFICE", "ADMIN"),
            only("GET", "/api/statistics/monthly", "CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN"),
            only("GET", "/api/statistics/monthly.csv", "CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN"),
            Row.open("POST", "/api/public/rewards/claim"),
            only("GET", "/api/unmapped", "NOBODY"));


    @Autowired
    Cases cases;
    @Autowired
    ClockRules rules;
    @Autowired
    Clock clock;
    @Autowired
    EventPublisher publisher;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    OutboxRelay relayAfterRestart;
    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @LocalManagementPort
    int managementPort;

    @Test
    void actuatorAnswersOnItsOwnPortOnly() {
        assertThat(ActuatorCheck.violations(port, managementPort)).isEmpty();
    }

    @Test
    void everyApiEndpointAnswersOnlyItsOwners() {
        assertThat(new AccessCheck(port).violations(OWNERS)).isEmpty();
    }

    @Test
    void everyEndpointTheServiceMapsHasAnOwnerInThisTestOrBelongsToTheConsole() {
        assertThat(EndpointCoverage.unowned(context, OWNERS, "/error", "/console", "/webjars")).isEmpty();
    }

    void guardedCaseExists() {
        if (cases.find(GUARDED).isEmpty()) {
            cases.save(Case.open(Dispatches.routine(GUARDED, "URBAN_MANAGEMENT", "410305", "ECOLOGY_ENVIRONMENT"),
                    clock.instant(), rules));
        }
    }

    static Stream<Arguments> everyCaseEndpoint() {
        String evidence = "{\"evidence\":[\"photo.jpg\"],\"note\":\"n\"}";
        return Stream.of(
                Arguments.of("GET", "", null),
                Arguments.of("GET", "/reports", null),
                Arguments.of("POST", "/accept", "{}"),
                Arguments.of("POST", "/return", "{\"reasonCode\":\"NOT_OUR_DUTY\",\"reason\":\"r\"}"),
                Arguments.of("POST", "/inspection", "{}"),
                Arguments.of("POST", "/unfounded", evidence),
                Arguments.of("POST", "/rectification-order", "{\"deadline\":\"2030-01-01T00:00:00Z\",\"evidence\":[\"p.jpg\"]}"),
                Arguments.of("POST", "/rectified", evidence),
                Arguments.of("POST", "/rectification-check", "{\"rectified\":false,\"evidence\":[\"p.jpg\"]}"),
                Arguments.of("POST", "/verification", evidence),
                Arguments.of("POST", "/penalty", "{\"kind\":\"FINE\",\"amountYuan\":1000,\"evidence\":[\"p.jpg\"]}"),
                Arguments.of("POST", "/close", "{\"reply\":\"r\",\"evidence\":[\"p.jpg\"]}"),
                Arguments.of("POST", "/closure-decision", "{\"approve\":true}"),
                Arguments.of("POST", "/contributions", "{\"note\":\"n\"}"),
                Arguments.of("POST", "/extension-request", "{\"days\":5,\"reason\":\"r\"}"),
                Arguments.of("POST", "/extension-decision", "{\"approve\":true}"),
                Arguments.of("POST", "/reopen", "{\"reason\":\"r\"}"),
                Arguments.of("POST", "/supervision", "{}"),
                Arguments.of("POST", "/urge", "{}"),
                Arguments.of("POST", "/reinspection", "{\"resolved\":false,\"evidence\":[\"p.jpg\"]}"));
    }

    @ParameterizedTest(name = "{0} /api/cases/CASE-ID{1}: another unit handler gets 403")
    @MethodSource("everyCaseEndpoint")
    void handlerOfAnotherUnitGets403(String method, String path, String body) {
        guardedCaseExists();
        ApiClient api = new ApiClient(port);
        for (String outsider : List.of("cg-laocheng", "zj-jianxi")) { // another district; another department
            ApiClient.Response response = api.send(outsider, method, "/api/cases/" + GUARDED + path, body);
            assertThat(response.status()).as(outsider + " " + method + " " + path + ": " + response.body()).isEqualTo(403);
        }
        assertThat(cases.find(GUARDED).orElseThrow().history().entries()).hasSize(1);
    }

    @Test
    void listsAndReportsRefuseOrFilterOtherUnits() {
        guardedCaseExists();
        ApiClient api = new ApiClient(port);
        assertThat(api.get("cg-laocheng", "/api/cases/inbox").json().findValuesAsString("caseId")).doesNotContain(GUARDED);
        assertThat(api.get("cg-laocheng", "/api/reinspections").status()).isEqualTo(200);
        assertThat(api.get("cg-laocheng", "/api/supervision").status()).isEqualTo(403);
        assertThat(api.get("cg-laocheng", "/api/statistics/weekly?unit=URBAN_MANAGEMENT@410305").status()).isEqualTo(403);
        assertThat(api.get("cg-laocheng", "/api/statistics/weekly?by=TERRITORY").status()).isEqualTo(403);
        assertThat(api.get("cg-jianxi", "/api/statistics/weekly").status()).isEqualTo(200);
        ApiClient.Response csv = api.get("supervisor", "/api/statistics/weekly?by=TERRITORY", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("key,received,signed_on_time");
        assertThat(api.get("cg-jianxi", "/api/me").json().get("territory").asString()).isEqualTo("410305");

        assertThat(api.get("cg-laocheng", "/api/statistics/trend?by=TOWNSHIP").status()).isEqualTo(403);
        var trend = api.get("cg-jianxi", "/api/statistics/trend?weeks=3").json();
        assertThat(trend.get("weeks")).hasSize(3);
        assertThat(trend.get("weeks").findValuesAsString("key")).allMatch("URBAN_MANAGEMENT@410305"::equals);
        ApiClient.Response tooLong = api.get("campaign", "/api/statistics/trend?weeks=0");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("weeks");
        assertThat(api.get("campaign", "/api/statistics/trend?by=STREET").status()).isEqualTo(400);
        ApiClient.Response trendCsv = api.get("campaign", "/api/statistics/trend?weeks=2&by=TOWNSHIP", "text/csv");
        assertThat(trendCsv.status()).isEqualTo(200);
        assertThat(trendCsv.body()).startsWith("week,key,received").contains(",escalated_unit_leader,");
    }

    @Test
    void noRequestCanAlterTheTimeline() {
        guardedCaseExists();
        ApiClient api = new ApiClient(port);
        List<HistoryEntry> before = cases.find(GUARDED).orElseThrow().history().entries();
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String path : List.of("", "/timeline", "/history", "/timeline/1", "/history/1")) {
                int status = api.send("admin", method, "/api/cases/" + GUARDED + path, "{\"note\":\"changed\"}").status();
                assertThat(status).as(method + " " + path).isIn(403, 404, 405);
            }
        }
        assertThat(cases.find(GUARDED).orElseThrow().history().entries()).isEqualTo(before);
    }

    @Test
    void dispatchedCaseIsAcceptedAndClosedByTheLeadUnitAndLifecycleEventsArePublished() {
        ApiClient api = new ApiClient(port);
        String caseId = "CASE-LY20261127-000001";
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305")); // redelivery
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.merged(caseId, "cmp-second-reporter"));

        Eventually.until(() -> cases.find(caseId).map(c -> c.complaintIds().size()).orElse(0), n -> n == 2, Duration.ofSeconds(30));
        ApiClient.Response inbox = api.get("cg-jianxi", "/api/cases/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().findValuesAsString("caseId")).contains(caseId);
        assertThat(api.get("sthj-jianxi", "/api/cases/inbox").json().findValuesAsString("caseId")).doesNotContain(caseId);

        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/accept", "{\"note\":\"签收\"}").status()).isEqualTo(200);
        ApiClient.Response freeText = api.post("cg-jianxi", "/api/cases/" + caseId + "/close",
                "{\"reply\":\"已处理\",\"evidence\":[\"现场已处理\"]}");
        assertThat(freeText.status()).as("free text is not evidence").isEqualTo(400);
        assertThat(freeText.json().get("type").asString()).endsWith("evidence-not-found");
        assertThat(freeText.json().get("errors").findValuesAsString("field")).containsExactly("evidence[0]");
        ApiClient.Response nothing = api.post("cg-jianxi", "/api/cases/" + caseId + "/close", "{\"reply\":\"已处理\"}");
        assertThat(nothing.status()).as("no evidence at all").isEqualTo(400);
        assertThat(nothing.json().get("errors").findValuesAsString("field")).containsExactly("evidence");
        ApiClient.Response fake = api.upload("cg-jianxi", "/api/cases/" + caseId + "/evidence", "site.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).as("a .jpg that is not a JPEG").isEqualTo(400);
        assertThat(fake.json().get("errors").findValuesAsString("field")).containsExactly("file");
        ApiClient.Response renamed = api.upload("cg-jianxi", "/api/cases/" + caseId + "/evidence", "site.jpg", "image/jpeg",
                SitePhotos.png());
        assertThat(renamed.status()).as("a PNG named .jpg").isEqualTo(400);
        assertThat(api.upload(null, "/api/cases/" + caseId + "/evidence", "site.jpg", "image/jpeg", SitePhotos.jpeg())
                .status()).as("nobody signed in").isEqualTo(401);
        assertThat(api.upload("cg-laocheng", "/api/cases/" + caseId + "/evidence", "site.jpg", "image/jpeg", SitePhotos.jpeg())
                .status()).as("another district's handler").isEqualTo(403);
        byte[] photo = SitePhotos.jpeg();
        ApiClient.Response uploaded = api.upload("cg-jianxi", "/api/cases/" + caseId + "/evidence", "site-photo.jpg", "image/jpeg", photo);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("kind").asString()).isEqualTo("JPEG");
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(photo.length);
        assertThat(uploaded.json().get("sha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(
                sha256(photo)));
        String reference = uploaded.json().get("reference").asString();
        assertThat(reference).startsWith("evidence/").endsWith("/site-photo.jpg");
        ApiClient.Response requested = api.post("cg-jianxi", "/api/cases/" + caseId + "/close",
                "{\"reply\":\"工地已覆盖裸土并洒水降尘。\",\"evidence\":[\"" + reference + "\"]}");
        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.json().get("state").asString()).isEqualTo("CLOSURE_REQUESTED");
        // 办结审核: the verifier sees the proposed reply and the evidence; the requester may not verify it (409)
        ApiClient.Response seen = api.get("cg-jianxi-2", "/api/cases/" + caseId);
        assertThat(seen.json().get("pendingClosure").get("reply").asString()).isEqualTo("工地已覆盖裸土并洒水降尘。");
        assertThat(seen.json().get("pendingClosure").get("cited").get("files").findValuesAsString("uploadId"))
                .containsExactly(uploaded.json().get("id").asString());
        ApiClient.Response read = api.get("cg-jianxi-2", "/api/cases/" + caseId + "/evidence/" + uploaded.json().get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        ApiClient.Response own = api.post("cg-jianxi", "/api/cases/" + caseId + "/closure-decision", "{\"approve\":true}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("detail").asString()).contains("cannot verify its closure");
        assertThat(api.post("sthj-jianxi", "/api/cases/" + caseId + "/closure-decision", "{\"approve\":true}").status())
                .as("a co-handling unit does not verify").isEqualTo(403);
        ApiClient.Response closed = api.post("cg-jianxi-2", "/api/cases/" + caseId + "/closure-decision",
                "{\"approve\":true,\"note\":\"同意办结\"}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("timeline").findValuesAsString("action"))
                .containsExactly("DISPATCHED", "COMPLAINT_MERGED", "ACCEPTED", "CLOSURE_REQUESTED", "CLOSED");

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> records = Eventually.until(() -> lifecycle.await(100, Duration.ofMillis(300))
                    .stream().filter(r -> caseId.equals(r.key())).toList(), r -> r.size() >= 3, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                    .containsExactly("case.accepted.v1", "case.closure-requested.v1", "case.closed.v1");
            String closedJson = new String(records.get(2).value(), StandardCharsets.UTF_8);
            assertThat(closedJson).contains("cmp-" + caseId, "cmp-second-reporter", "工地已覆盖裸土并洒水降尘。");
        }
        Case stored = cases.find(caseId).orElseThrow();
        assertThat(stored.history().entries()).hasSize(5);
        assertThat(stored.history().verify()).isTrue();
    }

    @Test
    void handlerOfAnotherUnitIsRefusedAndBadInputGetsFieldMessages() {
        ApiClient api = new ApiClient(port);
        String caseId = "CASE-LY20261127-000002";
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        Eventually.until(() -> cases.find(caseId).isPresent(), ok -> ok, Duration.ofSeconds(30));

        assertThat(api.get("cg-laocheng", "/api/cases/" + caseId).status()).isEqualTo(403);
        assertThat(api.post("cg-laocheng", "/api/cases/" + caseId + "/accept", null).status()).isEqualTo(403);
        assertThat(api.get(null, "/api/cases/" + caseId).status()).isEqualTo(401);
        assertThat(api.get("campaign", "/api/cases/" + caseId).status()).isEqualTo(200);

        ApiClient.Response bad = api.post("cg-jianxi", "/api/cases/" + caseId + "/return", "{\"reason\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("reasonCode", "reason");
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/close", "{\"reply\":\"done\"}").status())
                .as("closing before signing for is not allowed").isEqualTo(409);
    }

    /**
     * A merge into an unknown case between two records of one case, on one partition in one flush (so, as a rule,
     * one poll): it alone goes to the dead letters with its reason; the case around it opens and takes its merge.
     */
    @Test
    void mergeIntoAnUnknownCaseInTheMiddleOfABatchIsDeadLetteredAloneWithItsReason() {
        String caseId = "CASE-LY20261127-000500";
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(onFirstPartition(Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305")));
            producer.send(onFirstPartition(Dispatches.merged("CASE-NOWHERE", "cmp-lost")));
            producer.send(onFirstPartition(Dispatches.merged(caseId, "cmp-after-the-lost-one")));
            producer.flush();
        }

        Eventually.until(() -> cases.find(caseId).map(Case::complaintIds).orElse(List.of()),
                ids -> ids.contains("cmp-after-the-lost-one"), Duration.ofSeconds(60));
        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.CASES_DISPATCHED))) {
            List<ConsumerRecord<String, byte[]>> records = dead.await(1, Duration.ofSeconds(60));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("CASE-NOWHERE");
                assertThat(TopicProbe.header(r, CloudEventHeaders.DLT_REASON)).isEqualTo("unknown-case");
            });
        }
        assertThat(cases.find(caseId).orElseThrow().complaintIds()).containsExactly("cmp-" + caseId, "cmp-after-the-lost-one");
    }

    private ProducerRecord<byte[], byte[]> onFirstPartition(cn.luoyang.pollution.contracts.Event event) {
        return OnePartition.record(Topics.CASES_DISPATCHED, 0, publisher.toMessage(event));
    }

    /**
     * The process dies after the case document was written and before the event reached Kafka:
     * the state and the event were stored together, so the relay of the next start publishes it, once.
     */
    @Test
    void crashBetweenSavingAndPublishingLosesNothingAndPublishesOnce() {
        String caseId = "CASE-LY20261127-000100";
        cases.save(Case.open(Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"), clock.instant(), rules));
        CaseService crashingBeforePublish = new CaseService(cases, rules, clock, id -> {
            throw new IllegalStateException("process killed before publishing");
        }, new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        Officer handler = new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);

        try {
            crashingBeforePublish.accept(handler, caseId, "签收");
        } catch (IllegalStateException crashed) {
            // the "process" died here
        }

        assertThat(cases.find(caseId).orElseThrow().state()).isEqualTo(CaseState.ACCEPTED);
        Document stored = mongo.findById(caseId, Document.class, "cases");
        assertThat(stored.getList("outbox", Document.class)).extracting(d -> d.getString("type")).containsExactly("case.accepted.v1");

        assertThat(relayAfterRestart.sweep()).isPositive();
        assertThat(relayAfterRestart.sweep()).as("a second sweep finds nothing left").isZero();

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> records = lifecycle.await(100, Duration.ofSeconds(5)).stream()
                    .filter(r -> caseId.equals(r.key())).toList();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo(caseId);
            assertThat(TopicProbe.header(records.get(0), CloudEventHeaders.TYPE)).isEqualTo("case.accepted.v1");
        }
        assertThat(mongo.findById(caseId, Document.class, "cases").getList("outbox", Document.class)).isEmpty();
    }

    /**
     * 城管 signs for a construction-dust case, the grid member inspects, 城管 orders rectification,
     * 生态环境 (co-handler) records its monitoring, the grid member reports it rectified, a second
     * handler verifies (the inspector may not), the supervisor grants an extension, 城管 closes
     * (生态环境 may not), the reporter is unsatisfied and the case reopens, the supervisor lists it
     * and the campaign office urges it.
     */
    @Test
    void wholeLoopFromDispatchToReopeningNarrated() {
        ApiClient api = new ApiClient(port);
        String id = "CASE-LY20261127-000400";
        String at = "/api/cases/" + id;
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(id, "URBAN_MANAGEMENT", "410305", "ECOLOGY_ENVIRONMENT"));
        Eventually.until(() -> cases.find(id).isPresent(), ok -> ok, Duration.ofSeconds(30));

        assertThat(api.post("cg-jianxi", at + "/accept", "{}").status()).isEqualTo(200);
        assertThat(api.post("grid-jianxi", at + "/inspection", "{\"evidence\":[\"arrival.jpg\"]}").status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi", at + "/rectification-order",
                "{\"deadline\":\"2030-01-01T00:00:00Z\",\"evidence\":[\"order-001.pdf\"],\"note\":\"覆盖裸土\"}").status()).isEqualTo(200);
        assertThat(api.post("grid-jianxi", at + "/rectification-check", "{\"rectified\":true,\"evidence\":[\"c.jpg\"]}").status())
                .as("到期复查 waits for the order's deadline").isEqualTo(409);
        ApiClient.Response noFinding = api.post("grid-jianxi", at + "/rectification-check", "{\"evidence\":[]}");
        assertThat(noFinding.status()).isEqualTo(400);
        assertThat(noFinding.json().get("errors").findValuesAsString("field")).contains("rectified", "evidence");
        assertThat(api.get("cg-jianxi", at).json().get("clocks").findValuesAsString("name")).contains("RECTIFY");
        assertThat(api.post("sthj-jianxi", at + "/contributions", "{\"note\":\"PM10 监测 186μg/m³\",\"evidence\":[\"monitor.pdf\"]}")
                .status()).isEqualTo(200);
        assertThat(api.post("grid-jianxi", at + "/rectified", "{\"evidence\":[\"covered.jpg\"]}").status()).isEqualTo(200);
        assertThat(api.post("grid-jianxi", at + "/verification", "{\"evidence\":[\"check.jpg\"]}").status())
                .as("the inspector does not verify their own case").isEqualTo(409);
        assertThat(api.post("cg-jianxi-2", at + "/verification", "{\"evidence\":[\"check.jpg\"]}").status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi", at + "/extension-request", "{\"days\":10,\"reason\":\"等待复测报告\"}").status()).isEqualTo(200);
        assertThat(api.post("campaign", at + "/extension-decision", "{\"approve\":true}").status())
                .as("only a supervisor approves").isEqualTo(403);
        assertThat(api.post("supervisor", at + "/extension-decision", "{\"approve\":true,\"note\":\"同意\"}").status()).isEqualTo(200);
        assertThat(api.post("sthj-jianxi", at + "/close", "{\"reply\":\"r\"}").status()).as("only the lead closes").isEqualTo(403);
        String record = "\"inspectionRecord\":{\"number\":\"洛城管勘〔2026〕40号\",\"signedBy\":\"grid-jianxi\","
                + "\"signedAt\":\"" + Instant.now() + "\",\"findings\":\"复测达标\"}";
        assertThat(api.post("cg-jianxi", at + "/close", "{\"reply\":\"工地已覆盖，复测达标。\"," + record.replace("\"grid-jianxi\"", "\"\"") + "}")
                .status()).as("a record without its signer").isEqualTo(400);
        assertThat(api.post("cg-jianxi", at + "/close", "{\"reply\":\"工地已覆盖，复测达标。\"," + record + "}").status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi-2", at + "/closure-decision", "{\"approve\":true}").status())
                .as("the 复查 verifier handled the case too").isEqualTo(409);
        assertThat(api.post("supervisor", at + "/closure-decision", "{\"approve\":false}").status())
                .as("a rejection needs a reason").isEqualTo(409);
        assertThat(api.post("supervisor", at + "/closure-decision", "{\"approve\":true,\"note\":\"同意\"}").status()).isEqualTo(200);

        publisher.publish(Topics.REPORTERS_FEEDBACK, new ReporterFeedbackReceived("fb-400", id, "cmp-" + id, Satisfaction.UNSATISFIED,
                Instant.now(), ReporterFeedbackReceived.VERSION));
        Eventually.until(() -> cases.find(id).orElseThrow().state(), s -> s == CaseState.REOPENED, Duration.ofSeconds(30));
        assertThat(api.post("supervisor", at + "/supervision", "{\"note\":\"挂牌督办\"}").status()).isEqualTo(200);
        assertThat(api.post("campaign", at + "/urge", "{\"note\":\"请尽快办理\"}").status()).isEqualTo(200);
        assertThat(api.get("discipline", "/api/supervision").json().findValuesAsString("caseId")).contains(id);

        var view = api.get("discipline", at).json();
        assertThat(view.get("timeline").findValuesAsString("action")).containsExactly("DISPATCHED", "ACCEPTED",
                "INSPECTION_STARTED", "RECTIFICATION_ORDERED", "CONTRIBUTION_RECORDED", "RECTIFIED", "VERIFIED",
                "EXTENSION_REQUESTED", "EXTENDED", "CLOSURE_REQUESTED", "CLOSED", "REOPENED", "LISTED_FOR_SUPERVISION", "URGED");
        assertThat(view.get("timeline").findValuesAsString("userId")).contains("grid-jianxi", "cg-jianxi-2", "supervisor",
                "reporter:cmp-" + id);
        // no contact field of any kind (matching digits like "138" would also hit random hashes and times)
        assertThat(view.toString()).doesNotContainIgnoringCase("phone").doesNotContain("sealed", "reporterContact");

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<String> types = lifecycle.await(13, Duration.ofSeconds(30)).stream().filter(r -> id.equals(r.key()))
                    .map(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)).toList();
            assertThat(types).containsExactly("case.accepted.v1", "case.inspected.v1", "case.rectification-ordered.v1",
                    "case.contribution-recorded.v1", "case.rectified.v1", "case.verified.v1", "case.extension-requested.v1",
                    "case.extended.v1", "case.closure-requested.v1", "case.closed.v1", "case.reopened.v1",
                    "case.listed-for-supervision.v1", "case.urged.v1");
        }
        ApiClient.Response csv = api.send("campaign", "GET", "/api/statistics/weekly.csv?from=2020-01-01&to=2035-01-01", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("key,received").contains("URBAN_MANAGEMENT@410305,");
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
