package cn.luoyang.pollution.enforcement.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.Registrations;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.security.AccessCheck;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The web console in a real browser (headless Chromium via playwright-core) against the whole
 * service on a real broker and embedded MongoDB. dispatch-service is not running here: its two
 * campaign-office endpoints are stubbed with WireMock, and the test checks what the console sent.
 */
@ServiceTest
class ConsoleBrowserTest {

    /** A 1×1 PNG: the "site photo" uploaded when closing. */
    private static final byte[] PHOTO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    static final WireMockServer dispatch = new WireMockServer(options().dynamicPort());

    static {
        dispatch.start();
    }

    @DynamicPropertySource
    static void dispatchService(DynamicPropertyRegistry registry) {
        registry.add("console.dispatch-base-url", dispatch::baseUrl);
    }

    @AfterAll
    static void stopDispatch() {
        dispatch.stop();
    }

    @Autowired
    EventPublisher publisher;
    @Autowired
    Cases cases;
    @Autowired
    ReporterAccounts accounts;
    @LocalServerPort
    int port;

    @BeforeEach
    void installed() {
        BrowserScripts.assumeInstalled();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void dispatched(String caseId, String lead, String district) {
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, lead, district));
        Eventually.until(() -> cases.find(caseId).isPresent(), ok -> ok, Duration.ofSeconds(30));
    }

    @Test
    void handlerAcceptsAndClosesACaseInTheBrowserAndItLeavesTheInbox() throws Exception {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-CASE-LY20261127-000101",
                "工地裸土未覆盖, 请回电 13812345678", "涧西区天津路 88 号", Instant.parse("2026-11-27T01:00:00Z"),
                new MediaRef("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg", 2048)));
        Eventually.until(() -> accounts.of(List.of("cmp-CASE-LY20261127-000101")).size(), n -> n == 1, Duration.ofSeconds(30));
        dispatched("CASE-LY20261127-000101", "URBAN_MANAGEMENT", "410305");
        dispatched("CASE-LY20261127-000102", "URBAN_MANAGEMENT", "410305");
        dispatched("CASE-LY20261127-000103", "ECOLOGY_ENVIRONMENT", "410305");
        Path photo = Files.createDirectories(Path.of("target/browser")).resolve("site-photo.png");
        Files.write(photo, PHOTO);

        JsonNode r = BrowserScripts.run("handler-accept-close.cjs", base(), "LY20261127-000101", photo.toAbsolutePath().toString());

        assertThat(r.get("inboxBefore").valueStream().map(JsonNode::asString))
                .contains("LY20261127-000101", "LY20261127-000102").doesNotContain("LY20261127-000103");
        assertThat(r.get("searchRows").asInt()).isEqualTo(1);
        assertThat(r.get("actionsWhenDispatched").valueStream().map(JsonNode::asString)).contains("accept", "return")
                .doesNotContain("close", "inspect");
        assertThat(r.get("actionsWhenAccepted").valueStream().map(JsonNode::asString)).contains("inspect", "close")
                .doesNotContain("accept", "return");
        assertThat(r.get("accountDescription").asString()).isEqualTo("工地裸土未覆盖, 请回电 138****5678");
        assertThat(r.get("accountAddress").asString()).isEqualTo("涧西区天津路 88 号");
        assertThat(r.get("accountPhotoLinks").valueStream().map(JsonNode::asString))
                .containsExactly("http://127.0.0.1:8081/api/media/Hx3fQm9TzV1cK8aLpR2wYg");
        assertThat(r.get("mapDrawn").asInt()).isEqualTo(14);
        assertThat(r.get("mapDot").asInt()).isEqualTo(1);
        assertThat(r.get("stateAfterAccept").asString()).isEqualTo("ACCEPTED");
        assertThat(r.get("afterRequestUrl").asString()).startsWith("/console/cases/");
        assertThat(r.get("stateAfterRequest").asString()).isEqualTo("CLOSURE_REQUESTED");
        assertThat(r.get("actionsOfRequester").valueStream().map(JsonNode::asString)).doesNotContain("closure-decision", "close");
        assertThat(r.get("pendingClosureShown").asString()).contains("cg-jianxi", "经现场核查, 工地已覆盖裸土并洒水降尘, 问题已整改。");
        assertThat(r.get("actionsOfVerifier").valueStream().map(JsonNode::asString)).contains("closure-decision");
        assertThat(r.get("afterCloseUrl").asString()).startsWith("/console/inbox");
        assertThat(r.get("inboxAfter").valueStream().map(JsonNode::asString))
                .doesNotContain("LY20261127-000101").contains("LY20261127-000102");
        assertThat(r.get("inboxReloaded").valueStream().map(JsonNode::asString)).doesNotContain("LY20261127-000101");
        assertThat(r.get("phoneInboxFits").asBoolean()).isTrue();
        assertThat(r.get("phoneCaseFits").asBoolean()).isTrue();
        assertThat(r.get("englishHeading").asString()).startsWith("Open cases");
        assertThat(r.get("englishKept").asString()).startsWith("Open cases");
        assertThat(r.get("externalRequests")).isEmpty();

        Case closed = cases.find("CASE-LY20261127-000101").orElseThrow();
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        // (a random 5% of closed cases are also drawn for re-inspection: a fourth line then follows)
        assertThat(closed.history().entries()).extracting(e -> e.action())
                .startsWith("DISPATCHED", "ACCEPTED", "CLOSURE_REQUESTED", "CLOSED");
        assertThat(closed.history().entries().get(2).actor().userId()).isEqualTo("cg-jianxi");
        assertThat(closed.history().entries().get(2).evidence()).singleElement().asString()
                .startsWith("evidence/").endsWith("/site-photo.png");
        assertThat(closed.history().entries().get(3).actor().userId()).isEqualTo("cg-jianxi-2");
        assertThat(closed.history().entries().get(3).evidence()).isEqualTo(closed.history().entries().get(2).evidence());
    }

    @Test
    void handlerOfAnotherUnitGets403OnTheCasePage() {
        dispatched("CASE-LY20261127-000201", "URBAN_MANAGEMENT", "410305");

        JsonNode r = BrowserScripts.run("other-unit-forbidden.cjs", base(), "CASE-LY20261127-000201");

        assertThat(r.get("status").asInt()).isEqualTo(403);
        assertThat(r.get("inboxMentions").asBoolean()).isFalse();
    }

    @Test
    void anUnknownPageIsTheConsoles404WithTheWayBack() {
        JsonNode r = BrowserScripts.run("unknown-page.cjs", base());

        assertThat(r.get("status").asInt()).isEqualTo(404);
        assertThat(r.get("heading").asString()).contains("页面不存在");
        assertThat(r.get("whitelabel").asBoolean()).isFalse();
        assertThat(r.get("backTo").asString()).startsWith("/console").doesNotStartWith("/console/login");
    }

    @Test
    void campaignOfficeDispatchesAQueuedComplaintByHand() {
        String queued = """
                [{"id":"cmp-queued-1","trackingNumber":"LY20261127-000301","category":"AIR_CONSTRUCTION_DUST",
                  "addressText":"洛阳市某区某路工地","outcome":"QUEUED","reason":"NO_TERRITORY",
                  "detail":"no coordinates and no district named in the address","candidates":[],"trace":[]}]""";
        dispatch.stubFor(get(urlEqualTo("/dispatch/queue")).inScenario("queue").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(queued)));
        dispatch.stubFor(post(urlEqualTo("/dispatch/queue/cmp-queued-1/assign")).inScenario("queue")
                .willReturn(okJson("{\"caseId\":\"CASE-LY20261127-000301\"}")).willSetStateTo("assigned"));
        dispatch.stubFor(get(urlEqualTo("/dispatch/queue")).inScenario("queue").whenScenarioStateIs("assigned")
                .willReturn(okJson("[]")));
        dispatch.stubFor(get(urlEqualTo("/dispatch/arbitrations")).willReturn(okJson("[]")));

        JsonNode r = BrowserScripts.run("office-dispatch.cjs", base(), "cmp-queued-1", "410305", "URBAN_MANAGEMENT");

        assertThat(r.get("queuedBefore").valueStream().map(JsonNode::asString)).containsExactly("cmp-queued-1");
        assertThat(r.get("queuedAfter")).isEmpty();
        assertThat(r.get("notice").asString()).contains("LY20261127-000301");
        dispatch.verify(1, postRequestedFor(urlEqualTo("/dispatch/queue/cmp-queued-1/assign"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo(AccessCheck.basic("svc-console", "console-service-2026")))
                .withHeader("X-On-Behalf-Of", equalTo("campaign"))
                .withRequestBody(matchingJsonPath("$.districtCode", equalTo("410305")))
                .withRequestBody(matchingJsonPath("$.leadDepartment", equalTo("URBAN_MANAGEMENT")))
                .withRequestBody(matchingJsonPath("$.assignedBy", equalTo("campaign"))));
    }

    @Test
    void weeklyReportDrawsItsChartsAndTheDistrictMapFromLocalAssets() throws Exception {
        dispatched("CASE-LY20261127-000401", "URBAN_MANAGEMENT", "410302");
        dispatched("CASE-LY20261127-000402", "URBAN_MANAGEMENT", "410302");
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Path screenshot = Files.createDirectories(Path.of("target/browser")).resolve("weekly-report.png");
        Files.deleteIfExists(screenshot);

        JsonNode r = BrowserScripts.run("weekly-report.cjs", base(), monday.toString(), monday.plusWeeks(1).toString(),
                screenshot.toAbsolutePath().toString());

        assertThat(r.get("charts").asInt()).isEqualTo(5);
        assertThat(r.get("canvases").asInt()).isEqualTo(5);
        JsonNode laocheng = r.get("rows").valueStream().filter(row -> row.get("key").asString().equals("410302")).findFirst().orElseThrow();
        assertThat(laocheng.get("cells").get(0).asString()).isEqualTo("老城区");
        assertThat(laocheng.get("cells").get(1).asString()).isEqualTo("2");
        assertThat(r.get("openByDistrict")).hasSize(14);
        assertThat(r.get("openByDistrict").valueStream().filter(d -> d.get("code").asString().equals("410302"))
                .findFirst().orElseThrow().get("value").asLong()).isEqualTo(2);
        assertThat(r.get("externalRequests")).isEmpty();
        assertThat(screenshot).isNotEmptyFile();
    }
}
