package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.enforcement.rewards.RewardClaim;
import cn.luoyang.pollution.enforcement.rewards.RewardClaims;
import cn.luoyang.pollution.enforcement.rewards.RewardRules;
import cn.luoyang.pollution.enforcement.rewards.Severity;
import cn.luoyang.pollution.enforcement.statistics.Callback;
import cn.luoyang.pollution.enforcement.statistics.Callbacks;

import cn.luoyang.pollution.enforcement.cases.InspectionRecord;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.Registrations;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.security.AccessCheck;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
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
    /** complaint-service's {@code /api/media/{id}}, which the console passes the reporters' photos through from. */
    static final WireMockServer complaints = new WireMockServer(options().dynamicPort());

    static {
        dispatch.start();
        complaints.start();
    }

    @DynamicPropertySource
    static void neighbours(DynamicPropertyRegistry registry) {
        registry.add("console.dispatch-base-url", dispatch::baseUrl);
        registry.add("console.complaint-media-base-url", complaints::baseUrl);
        registry.add("console.inbox-poll-seconds", () -> "2");
        // the city's street tiles (a WMTS/XYZ service), stubbed on the same WireMock as complaint-service's media
        registry.add("console.map.tile-url", () -> complaints.baseUrl() + "/tiles/{z}/{x}/{y}.png");
        registry.add("console.map.tile-attribution", () -> "洛阳市地理信息公共服务平台");
    }

    @AfterAll
    static void stopNeighbours() {
        dispatch.stop();
        complaints.stop();
    }

    /**
     * No page under the Chinese locale shows a sentence of the console's English texts (messages_en), an
     * internal code (NOT_OUR_DUTY, HOUSING_CONSTRUCTION@410305) or a dispatch sentence left in English, and
     * none is Spring's Whitelabel page.
     */
    static void assertChineseAndBranded(JsonNode pages) throws Exception {
        Properties english = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/messages_en.properties"), StandardCharsets.UTF_8)) {
            english.load(in);
        }
        List<String> sentences = english.values().stream().map(Object::toString)
                .flatMap(v -> Arrays.stream(v.split("\\{\\d+}")))
                .map(String::trim).filter(f -> f.matches(".*[A-Za-z]{2,}\\s+[A-Za-z]{2,}.*") && f.length() >= 6).toList();
        assertThat(sentences).as("English sentences to look for").hasSizeGreaterThan(100);
        assertThat(pages).isNotEmpty();
        for (JsonNode page : pages) {
            String path = page.get("path").asString();
            String text = page.get("text").asString();
            assertThat(page.get("whitelabel").asBoolean()).as("%s is a Whitelabel page", path).isFalse();
            assertThat(sentences).as("English on %s:%n%s", path, text).noneMatch(text::contains);
            assertThat(text).as("codes or English on %s", path)
                    .doesNotContainPattern("[A-Z]{3,}_[A-Z_]{3,}")
                    .doesNotContainPattern("@4103\\d\\d")
                    .doesNotContain("routing round", "polygon", "this step needs", "Whitelabel");
        }
    }

    /** axe-core found nothing serious or critical on any page the script checked (each entry: a page as it was then). */
    static void assertAccessible(JsonNode checked, int pages) {
        assertThat(checked).as("pages checked by axe-core").hasSize(pages);
        for (JsonNode page : checked) {
            assertThat(page.get("violations")).as("accessibility of %s: %s", page.get("path"), page.get("violations")).isEmpty();
        }
    }

    @Autowired
    EventPublisher publisher;
    @Autowired
    Cases cases;
    @Autowired
    CaseService service;
    @Autowired
    ReporterAccounts accounts;
    @Autowired
    RewardClaims claims;
    @Autowired
    RewardRules rewardRules;
    @Autowired
    Callbacks callbacks;
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

        complaints.stubFor(get(urlPathMatching("/tiles/16/\\d+/\\d+\\.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PHOTO)));
        complaints.stubFor(get(urlEqualTo("/api/media/Hx3fQm9TzV1cK8aLpR2wYg"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PHOTO)));

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
        // the reporter's photo, through the console (the handler's browser never reaches complaint-service)
        assertThat(r.get("accountPhotoLinks").valueStream().map(JsonNode::asString))
                .containsExactly("/console/cases/CASE-LY20261127-000101/media/Hx3fQm9TzV1cK8aLpR2wYg");
        assertThat(r.get("accountPhotoShown").get("width").asInt()).isEqualTo(1);
        assertThat(r.get("traceText").asString()).contains("属地", "坐标位于涧西区辖区范围内", "城市管理局主办");
        assertThat(r.get("timelineText").asString()).contains("第 1 轮派单至涧西区城市管理局", "派单系统");
        // a refused close: the reply typed is kept, the refusal in Chinese beside the evidence
        assertThat(r.get("stateAfterRefusal").asString()).isEqualTo("ACCEPTED");
        assertThat(r.get("refusedFormOpen").asBoolean()).isTrue();
        assertThat(r.get("refusedReplyKept").asString()).isEqualTo("经现场核查, 工地已覆盖裸土并洒水降尘。");
        assertThat(r.get("refusedFieldError").asString()).isEqualTo("办结须有证据: 选择本案已上传的文件, 或填写现场检查笔录 (编号、签字人、时间、检查情况)");
        // the session expired: sign in again, back on the case page with the reply as last typed
        assertThat(r.get("expiredPage").asString()).isEqualTo("/console/login");
        assertThat(r.get("expiredNotice").asString()).contains("登录已过期");
        assertThat(r.get("backAfterSignIn").asString()).isEqualTo("/console/cases/CASE-LY20261127-000101");
        assertThat(r.get("restoredReply").asString()).isEqualTo("经现场核查, 工地已覆盖裸土并洒水降尘, 问题已整改。");
        assertThat(r.get("restoredFormOpen").asBoolean()).isTrue();
        assertThat(r.get("restoredNotice").asString()).contains("已恢复");
        assertThat(r.get("draftAfterSuccess")).as("the draft goes once the action succeeded").isEmpty();
        assertThat(r.get("closedTimeline").asString()).contains("审核意见: 答复完整, 同意办结");
        assertChineseAndBranded(r.get("pages"));
        assertThat(r.get("mapDrawn").asInt()).isEqualTo(14);
        assertThat(r.get("mapDot").asInt()).isEqualTo(1);
        // the configured street tiles: 3 × 3 around the position, loaded from the city's service, the point marked
        assertThat(r.get("streetTiles").get("loaded").asInt()).isEqualTo(9);
        assertThat(r.get("streetTiles").get("first").asString()).matches(".*/tiles/16/\\d+/\\d+\\.png");
        assertThat(r.get("streetTiles").get("marker").asBoolean()).isTrue();
        assertThat(r.get("streetTiles").get("caption").asString()).contains("街道图", "洛阳市地理信息公共服务平台");
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
        assertThat(r.get("phoneInboxLabels").valueStream().map(JsonNode::asString))
                .contains("\"编号: \"", "\"状态: \"", "\"主办单位: \"").noneMatch(l -> l.matches(".*[A-Za-z]{3,}.*"));
        assertThat(r.get("englishHeading").asString()).startsWith("Open cases");
        assertThat(r.get("englishKept").asString()).startsWith("Open cases");
        // inbox, case page (unsigned, refused close), inbox and case page on a phone
        assertAccessible(r.get("a11y"), 5);
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
    void theInboxIsAWorkListWithBadgesAHandledListSearchNewsAndExport() throws Exception {
        Officer handler = new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);
        Officer other = new Officer("cg-jianxi-2", "李娜", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);
        Officer supervisor = new Officer("supervisor", "王强", Role.SUPERVISOR, null, null, null);
        dispatched("CASE-LY20261127-000501", "URBAN_MANAGEMENT", "410305");
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.merged("CASE-LY20261127-000501", "cmp-merged-000501"));
        Eventually.until(() -> cases.find("CASE-LY20261127-000501").orElseThrow().complaintIds().size(), n -> n == 2,
                Duration.ofSeconds(30));
        service.accept(handler, "CASE-LY20261127-000501", null);
        service.urge(supervisor, "CASE-LY20261127-000501", "请尽快处理");
        service.requestExtension(handler, "CASE-LY20261127-000501", 3, "需要检测报告");
        dispatched("CASE-LY20261127-000502", "URBAN_MANAGEMENT", "410305");
        service.accept(handler, "CASE-LY20261127-000502", null);
        service.requestClosure(handler, "CASE-LY20261127-000502", null, "已处理完毕", List.of(),
                new InspectionRecord("REC-502", handler.userId(), Instant.now(), "现场已处理"));
        service.decideClosure(other, "CASE-LY20261127-000502", true, null);
        Path marker = Files.createTempFile("inbox-loaded", ".txt");
        Files.delete(marker);
        Thread arrival = new Thread(() -> {
            Eventually.until(() -> Files.exists(marker), ok -> ok, Duration.ofSeconds(90));
            dispatched("CASE-LY20261127-000503", "URBAN_MANAGEMENT", "410305");
        });
        arrival.start();

        JsonNode r = BrowserScripts.run("inbox-worklist.cjs", base(), "CASE-LY20261127-000501", "LY20261127-000502",
                marker.toString());
        arrival.join();

        assertThat(r.get("openRow").asString()).contains("一般", "催办 1 次", "延期待批", "举报 2 件").containsPattern("剩余 \\d+ 天 \\d+ 小时");
        assertThat(r.get("openRow").asString()).doesNotContain("LY20261127-000502");
        assertThat(r.get("notice").asString()).contains("有 1 件新案件");
        assertThat(r.get("rowsAfterReload").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(r.get("doneHeading").asString()).contains("已办案件");
        assertThat(r.get("doneText").asString()).contains("LY20261127-000502", "已办结", "办结时间").doesNotContain("LY20261127-000501");
        assertThat(r.get("searchText").asString()).contains("LY20261127-000502", "已办结");
        assertThat(r.get("csvType").asString()).startsWith("text/csv");
        assertThat(r.get("csv").asString()).contains("编号,类别,区县,状态,紧急程度", "催办次数", "LY20261127-000502", "已办结")
                .doesNotContain("URBAN_MANAGEMENT", "CLOSED");
        assertChineseAndBranded(r.get("pages"));
    }

    @Test
    void handlerOfAnotherUnitGets403OnTheCasePage() {
        dispatched("CASE-LY20261127-000201", "URBAN_MANAGEMENT", "410305");

        JsonNode r = BrowserScripts.run("other-unit-forbidden.cjs", base(), "CASE-LY20261127-000201");

        assertThat(r.get("status").asInt()).isEqualTo(403);
        assertThat(r.get("inboxMentions").asBoolean()).isFalse();
    }

    @Test
    void theGridMemberChecksOnSiteAndTheCampaignOfficeApprovesARewardInTheBrowser() throws Exception {
        String caseId = "CASE-LY20261127-000211"; // grid 410305-0017, grid-jianxi's
        dispatched(caseId, "URBAN_MANAGEMENT", "410305");
        service.accept(new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null), caseId, "已签收");
        RewardClaim claim = claims.openOnce(RewardClaim.open("cmp-browser-211", "CASE-LY20261127-000212", "LY20261127-000212",
                "AIR_CONSTRUCTION_DUST", "410305", Severity.PENALTY, rewardRules.ruleFor("AIR_CONSTRUCTION_DUST", Severity.PENALTY),
                "hash", Instant.parse("2026-11-30T02:00:00Z")));

        JsonNode r = BrowserScripts.run("grid-and-rewards.cjs", base(), caseId, claim.claimId());

        assertThat(r.get("onSiteTag").asString()).isEqualTo("待现场核查");
        assertThat(r.get("inspectedNotice").asString()).contains("现场核查");
        assertThat(cases.find(caseId).orElseThrow().inspectorId()).isEqualTo("grid-jianxi");
        assertThat(r.get("amountError").asString()).isEqualTo("金额须在 200–1000 元之间");
        assertThat(r.get("amountKept").asString()).isEqualTo("99999");
        assertThat(r.get("approvedNotice").asString()).contains("已批准奖励");
        assertThat(r.get("stateAfter").asString()).isEqualTo("APPROVED");
        assertThat(r.get("externalRequests")).isEmpty();
        assertChineseAndBranded(r.get("pages"));
        assertAccessible(r.get("a11y"), 2);
    }

    @Test
    void anUnknownPageIsTheConsoles404WithTheWayBack() throws Exception {
        JsonNode r = BrowserScripts.run("unknown-page.cjs", base());

        assertThat(r.get("status").asInt()).isEqualTo(404);
        assertThat(r.get("heading").asString()).contains("页面不存在");
        assertThat(r.get("whitelabel").asBoolean()).isFalse();
        assertThat(r.get("backTo").asString()).startsWith("/console").doesNotStartWith("/console/login");
        assertThat(r.get("rootLeadsTo").asString()).isEqualTo("/console/inbox");
        assertThat(r.get("officeStatus").asInt()).isEqualTo(403);
        assertThat(r.get("rangeError").asString()).contains("结束日期不得早于开始日期");
        assertChineseAndBranded(r.get("pages"));
    }

    @Test
    void campaignOfficeDispatchesAQueuedComplaintByHand() throws Exception {
        // the complaint itself for the queued item and for the disputed case (with a co-reporter's report)
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-queued-1", "某路工地夜间施工, 扬尘很大, 电话 13912345678",
                "洛阳市某区某路工地", Instant.parse("2026-11-27T01:00:00Z"), new MediaRef("gridfs:Qx3fQm9TzV1cK8aLpR2wYg", "image/png", 68)));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-CASE-LY20261127-000399", "搅拌站粉尘污染",
                "涧西区南昌路 12 号", Instant.parse("2026-11-27T01:00:00Z")));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-merged-000399", "又看到搅拌站冒灰",
                "涧西区南昌路", Instant.parse("2026-11-27T02:00:00Z")));
        dispatched("CASE-LY20261127-000399", "ECOLOGY_ENVIRONMENT", "410305");
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.merged("CASE-LY20261127-000399", "cmp-merged-000399"));
        Eventually.until(() -> accounts.of(List.of("cmp-queued-1", "cmp-CASE-LY20261127-000399", "cmp-merged-000399")).size()
                + cases.find("CASE-LY20261127-000399").orElseThrow().complaintIds().size(), n -> n == 5, Duration.ofSeconds(30));
        complaints.stubFor(get(urlEqualTo("/api/media/Qx3fQm9TzV1cK8aLpR2wYg"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PHOTO)));
        String queued = """
                [{"id":"cmp-queued-1","trackingNumber":"LY20261127-000301","category":"AIR_CONSTRUCTION_DUST",
                  "addressText":"洛阳市某区某路工地","outcome":"QUEUED","reason":"NO_TERRITORY","decidedAt":"%s",
                  "detail":"no coordinates and no district named in the address","candidates":[],"trace":[]}]""".formatted(Instant.now().minus(Duration.ofDays(2)).minusSeconds(60));
        dispatch.stubFor(get(urlEqualTo("/dispatch/queue")).inScenario("queue").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(queued)));
        dispatch.stubFor(post(urlEqualTo("/dispatch/queue/cmp-queued-1/assign")).inScenario("queue")
                .willReturn(okJson("{\"caseId\":\"CASE-LY20261127-000301\"}")).willSetStateTo("assigned"));
        dispatch.stubFor(get(urlEqualTo("/dispatch/queue")).inScenario("queue").whenScenarioStateIs("assigned")
                .willReturn(okJson("[]")));
        dispatch.stubFor(get(urlEqualTo("/dispatch/arbitrations")).willReturn(okJson("""
                [{"id":"CASE-LY20261127-000399","trackingNumber":"LY20261127-000399","category":"AIR_CONSTRUCTION_DUST",
                  "returnedBy":["ECOLOGY_ENVIRONMENT","HOUSING_CONSTRUCTION"],"returns":2,
                  "lastFailure":{"reason":"RETURNED_TOO_OFTEN","occurredAt":"%s",
                    "detail":"returned 2 times by [ECOLOGY_ENVIRONMENT, HOUSING_CONSTRUCTION]"}}]"""
                .formatted(Instant.now().minus(Duration.ofHours(3)).minusSeconds(60)))));

        JsonNode r = BrowserScripts.run("office-dispatch.cjs", base(), "cmp-queued-1", "410305", "URBAN_MANAGEMENT");

        assertThat(r.get("queuedBefore").valueStream().map(JsonNode::asString)).containsExactly("cmp-queued-1");
        assertThat(r.get("queuedAfter")).isEmpty();
        assertThat(r.get("notice").asString()).contains("LY20261127-000301");
        assertThat(r.get("reason").asString()).isEqualTo("无法确定属地");
        assertThat(r.get("why").asString()).isEqualTo("无坐标, 地址中也没有区县名");
        assertThat(r.get("arbitrationText").asString()).contains("已被 生态环境局、住房和城乡建设局 退单 2 次");
        // the first department of the list returned it: the lead preselected is another one
        assertThat(r.get("arbitrationDefaultLead").asString()).isNotBlank().isNotIn("ECOLOGY_ENVIRONMENT", "HOUSING_CONSTRUCTION");
        assertThat(r.get("arbitrationWaiting").asString()).isEqualTo("已等待 0 天 3 小时 1 分");
        assertThat(r.get("queueWaiting").asString()).isEqualTo("已等待 2 天 0 小时 1 分");
        assertThat(r.get("coHandlerChoices").asInt()).as("co-handlers chosen from the list").isGreaterThan(5);
        assertThat(r.get("coHandlerTyped").asInt()).as("never typed as codes").isZero();
        // the complaint itself: description (number masked), address, the photo drawn through the office's address
        assertThat(r.get("queuedDescription").asString()).isEqualTo("某路工地夜间施工, 扬尘很大, 电话 139****5678");
        assertThat(r.get("queuedAddress").asString()).isEqualTo("洛阳市某区某路工地");
        assertThat(r.get("queuedPhoto").get("src").asString())
                .isEqualTo("/console/office/complaints/cmp-queued-1/media/Qx3fQm9TzV1cK8aLpR2wYg");
        assertThat(r.get("queuedPhoto").get("width").asInt()).isEqualTo(1);
        assertThat(r.get("foreignPhotoStatus").asInt()).as("an upload of another complaint").isEqualTo(404);
        assertThat(r.get("arbitrationAccounts").valueStream().map(JsonNode::asString))
                .containsExactly("搅拌站粉尘污染", "又看到搅拌站冒灰");
        assertAccessible(r.get("a11y"), 1);
        assertChineseAndBranded(r.get("pages"));
        dispatch.verify(1, postRequestedFor(urlEqualTo("/dispatch/queue/cmp-queued-1/assign"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo(AccessCheck.basic("svc-console", "console-service-2026")))
                .withHeader("X-On-Behalf-Of", equalTo("campaign"))
                .withRequestBody(matchingJsonPath("$.districtCode", equalTo("410305")))
                .withRequestBody(matchingJsonPath("$.leadDepartment", equalTo("URBAN_MANAGEMENT")))
                .withRequestBody(matchingJsonPath("$.assignedBy", equalTo("campaign"))));
    }

    @Test
    void weeklyReportOpensOnThisWeekWithEveryChartAndAHandlerSeesOnlyItsUnit() throws Exception {
        dispatched("CASE-LY20261127-000401", "URBAN_MANAGEMENT", "410302");
        dispatched("CASE-LY20261127-000402", "URBAN_MANAGEMENT", "410302");
        dispatched("CASE-LY20261127-000403", "ECOLOGY_ENVIRONMENT", "410302");
        // the hotline's callbacks (回访) that ended this week: two reached the reporter, one did not
        Instant now = Instant.now();
        callbacks.record(new Callback("cb-401", "CASE-LY20261127-000401", "cmp-401", "CLOSED", CallbackOutcome.ANSWERED, now));
        callbacks.record(new Callback("cb-402", "CASE-LY20261127-000402", "cmp-402", "CLOSED", CallbackOutcome.NOT_REACHED, now));
        callbacks.record(new Callback("cb-403", "CASE-LY20261127-000403", "cmp-403", "CLOSED", CallbackOutcome.REACHED, now));
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Path screenshot = Files.createDirectories(Path.of("target/browser")).resolve("weekly-report.png");
        Path phone = screenshot.resolveSibling("weekly-report-phone.png");
        Files.deleteIfExists(screenshot);

        JsonNode r = BrowserScripts.run("weekly-report.cjs", base(), screenshot.toAbsolutePath().toString(),
                phone.toAbsolutePath().toString());

        // this week, Monday to Sunday, the same dates in the heading, the fields and the chart data
        String week = monday + " — " + monday.plusDays(6);
        assertThat(r.get("heading").asString()).isEqualTo(week);
        assertThat(r.get("fields").valueStream().map(JsonNode::asString)).containsExactly(monday.toString(), monday.plusDays(6).toString());
        assertThat(r.get("period").get("from").asString() + " — " + r.get("period").get("to").asString()).isEqualTo(week);
        assertThat(r.get("charts").get("rendered").asInt()).isEqualTo(4);
        assertThat(r.get("canvases").asInt()).isEqualTo(4);
        assertThat(r.get("ratesNote").asString()).contains("已到期限", "不计入");
        JsonNode laocheng = r.get("rows").valueStream().filter(row -> row.get("key").asString().equals("410302")).findFirst().orElseThrow();
        assertThat(laocheng.get("cells").get(0).asString()).isEqualTo("老城区");
        assertThat(laocheng.get("cells").get(1).asString()).isEqualTo("3");
        // nothing signed yet and nothing past its sign deadline: no rate, rather than 0 %
        assertThat(laocheng.get("cells").get(8).asString()).isEqualTo("—");
        // the callbacks per row, beside the rates: how many ended, and how many reached the reporter
        assertThat(r.get("columns").valueStream().map(JsonNode::asString)).endsWith("回访数", "回访接通数");
        assertThat(laocheng.get("cells").get(11).asString()).isEqualTo("3");
        assertThat(laocheng.get("cells").get(12).asString()).isEqualTo("2");
        assertThat(r.get("openByDistrict")).hasSize(14);
        assertThat(r.get("openByDistrict").valueStream().filter(d -> d.get("code").asString().equals("410302"))
                .findFirst().orElseThrow().get("value").asLong()).isEqualTo(3);
        // district names written on the map never overlap, the one with open cases is written with its count,
        // and every district names itself with its count in a tooltip
        assertThat(r.get("mapLabels").get("overlapping").asInt()).isZero();
        assertThat(r.get("mapLabels").get("shown").size()).isGreaterThanOrEqualTo(8);
        assertThat(r.get("mapLabels").get("shown").valueStream().map(JsonNode::asString)).contains("老城区 3");
        assertThat(r.get("mapLabels").get("tooltips")).hasSize(14);
        assertThat(r.get("mapLabels").get("tooltips").valueStream().map(JsonNode::asString)).contains("老城区: 3 件在办");
        // a phone keeps each figure's label
        assertThat(r.get("phoneHeaderShown").asBoolean()).isFalse();
        assertThat(r.get("phoneLabels").valueStream().map(JsonNode::asString)).hasSize(12)
                .first().asString().contains("受理");
        assertThat(r.get("phoneLabels").get(10).asString()).contains("回访数");
        assertThat(r.get("phoneLabels").get(11).asString()).contains("回访接通数");
        assertThat(r.get("phoneLabels").valueStream().map(JsonNode::asString)).allMatch(c -> c.length() > 4 && !c.equals("none"));
        assertThat(r.get("phoneFits").asBoolean()).isTrue();
        // a week without cases says so plainly instead of drawing blank charts
        assertThat(r.get("emptyNotice").asString()).contains("2020-01-06", "2020-01-12", "没有派单");
        assertThat(r.get("emptyCharts").get("empty").asInt()).isEqualTo(4);
        // a handler: its unit's row only, and the categories of its unit's two cases, not the city's three
        assertThat(r.get("cityCategories").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(r.get("handlerDataRows").valueStream().map(JsonNode::asString)).containsExactly("URBAN_MANAGEMENT@410302");
        assertThat(r.get("handlerRows")).singleElement().satisfies(row -> assertThat(row.get("cells").valueStream()
                .map(JsonNode::asString)).startsWith("老城区城市管理局").endsWith("2", "1"));
        assertThat(r.get("handlerCategories").asInt()).isEqualTo(2);
        assertThat(r.get("handlerCharts").get("rendered").asInt()).isEqualTo(4);
        assertThat(r.get("externalRequests")).isEmpty();
        assertThat(screenshot).isNotEmptyFile();
        assertChineseAndBranded(r.get("pages"));
        assertAccessible(r.get("a11y"), 2);
        // measured, not asserted (timings depend on the machine): kept in the test log for BENCHMARKS.md
        System.out.println("weekly report over 1.6 Mbps / 150 ms: " + r.get("slowLink"));
    }
}
