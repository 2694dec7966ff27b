package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.enforcement.ApiClient;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The handler API over HTTP: who is refused where, an unalterable timeline, and the whole loop narrated. */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class CaseApiTest {

    static final String GUARDED = "CASE-LY20261127-000300";

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
    @LocalServerPort
    int port;

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
                Arguments.of("POST", "/accept", "{}"),
                Arguments.of("POST", "/return", "{\"reasonCode\":\"NOT_OUR_DUTY\",\"reason\":\"r\"}"),
                Arguments.of("POST", "/inspection", "{}"),
                Arguments.of("POST", "/unfounded", evidence),
                Arguments.of("POST", "/rectification-order", "{\"deadline\":\"2030-01-01T00:00:00Z\",\"evidence\":[\"p.jpg\"]}"),
                Arguments.of("POST", "/rectified", evidence),
                Arguments.of("POST", "/verification", evidence),
                Arguments.of("POST", "/penalty", "{\"kind\":\"FINE\",\"amountYuan\":1000,\"evidence\":[\"p.jpg\"]}"),
                Arguments.of("POST", "/close", "{\"reply\":\"r\",\"evidence\":[\"p.jpg\"]}"),
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
        for (String outsider : List.of("cg-laocheng", "zj-jianxi", "cg-city")) {
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
        assertThat(api.get("cg-jianxi", "/api/me").json().get("territory").asString()).isEqualTo("410305");
    }

    @Test
    void noRequestCanAlterTheTimeline() {
        guardedCaseExists();
        ApiClient api = new ApiClient(port);
        List<HistoryEntry> before = cases.find(GUARDED).orElseThrow().history().entries();
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String path : List.of("", "/timeline", "/history", "/timeline/1", "/history/1")) {
                int status = api.send("admin", method, "/api/cases/" + GUARDED + path, "{\"note\":\"changed\"}").status();
                assertThat(status).as(method + " " + path).isIn(404, 405);
            }
        }
        assertThat(cases.find(GUARDED).orElseThrow().history().entries()).isEqualTo(before);
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
        assertThat(api.post("cg-jianxi", at + "/close", "{\"reply\":\"工地已覆盖，复测达标。\"}").status()).isEqualTo(200);

        publisher.publish(Topics.REPORTERS_FEEDBACK, new ReporterFeedbackReceived("fb-400", id, "cmp-" + id, "UNSATISFIED",
                Instant.now(), ReporterFeedbackReceived.VERSION));
        Eventually.until(() -> cases.find(id).orElseThrow().state(), s -> s == CaseState.REOPENED, Duration.ofSeconds(30));
        assertThat(api.post("supervisor", at + "/supervision", "{\"note\":\"挂牌督办\"}").status()).isEqualTo(200);
        assertThat(api.post("campaign", at + "/urge", "{\"note\":\"请尽快办理\"}").status()).isEqualTo(200);
        assertThat(api.get("discipline", "/api/supervision").json().findValuesAsString("caseId")).contains(id);

        var view = api.get("discipline", at).json();
        assertThat(view.get("timeline").findValuesAsString("action")).containsExactly("DISPATCHED", "ACCEPTED",
                "INSPECTION_STARTED", "RECTIFICATION_ORDERED", "CONTRIBUTION_RECORDED", "RECTIFIED", "VERIFIED",
                "EXTENSION_REQUESTED", "EXTENDED", "CLOSED", "REOPENED", "LISTED_FOR_SUPERVISION", "URGED");
        assertThat(view.get("timeline").findValuesAsString("userId")).contains("grid-jianxi", "cg-jianxi-2", "supervisor",
                "reporter:cmp-" + id);
        assertThat(view.toString()).doesNotContain("phone", "138");

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<String> types = lifecycle.await(12, Duration.ofSeconds(30)).stream().filter(r -> id.equals(r.key()))
                    .map(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)).toList();
            assertThat(types).containsExactly("case.accepted.v1", "case.progressed.v1", "case.progressed.v1",
                    "case.progressed.v1", "case.progressed.v1", "case.progressed.v1", "case.progressed.v1",
                    "case.extended.v1", "case.closed.v1", "case.reopened.v1", "case.progressed.v1", "case.progressed.v1");
        }
        ApiClient.Response csv = api.send("campaign", "GET", "/api/statistics/weekly.csv?from=2020-01-01&to=2035-01-01", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("key,received").contains("URBAN_MANAGEMENT@410305,");
    }
}
