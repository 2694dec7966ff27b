package cn.luoyang.pollution.enforcement.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's maps with what dispatch-service knows (stubbed with WireMock): the case page draws the case's
 * grid and the grids around it, read once and cached, and says so when dispatch does not answer; the office
 * map draws every monitor of the registry in the state of its open cases, and only those with an open case
 * when dispatch does not answer.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class DispatchMapsPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Instant T = Instant.parse("2026-11-27T02:00:00Z");

    static final WireMockServer dispatch = new WireMockServer(options().dynamicPort());

    static {
        dispatch.start();
    }

    @DynamicPropertySource
    static void neighbours(DynamicPropertyRegistry registry) {
        registry.add("console.dispatch-base-url", dispatch::baseUrl);
    }

    @AfterAll
    static void stop() {
        dispatch.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;

    /** A lattice square of 0.02° with its lower-left corner at (lon, lat), as dispatch answers it. */
    private static String cell(String id, double lon, double lat, boolean focus) {
        String ring = String.format(java.util.Locale.ROOT, "[[%1$.2f,%2$.2f],[%3$.2f,%2$.2f],[%3$.2f,%4$.2f],[%1$.2f,%4$.2f],[%1$.2f,%2$.2f]]",
                lon, lat, lon + 0.02, lat + 0.02);
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"properties\":{\"districtCode\":\"410305\",\"focus\":" + focus
                + "},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring + "]]}}";
    }

    @Test
    void theCasePageDrawsTheCasesGridAndItsNeighboursOrSaysTheOutlineIsUnavailable() throws Exception {
        dispatch.stubFor(get(urlEqualTo("/dispatch/territory/grids/410305-0017/outline")).willReturn(okJson(
                "{\"type\":\"FeatureCollection\",\"grid\":\"410305-0017\",\"datum\":\"GCJ02\",\"features\":["
                        + cell("410305-0017", 112.38, 34.65, true) + "," + cell("410305-0018", 112.40, 34.65, false) + "]}")));
        dispatch.stubFor(get(urlEqualTo("/dispatch/territory/grids/410305-0099/outline")).willReturn(aResponse().withStatus(503)));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.inGrid("CASE-LY20261127-001001", "410305-0017"));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.inGrid("CASE-LY20261127-001002", "410305-0099"));
        HttpClient campaign = signedIn("campaign");

        String drawn = Eventually.until(() -> page(campaign, "/console/cases/CASE-LY20261127-001001"), r -> r.statusCode() == 200,
                Duration.ofSeconds(30)).body();
        page(campaign, "/console/cases/CASE-LY20261127-001001");

        assertThat(drawn).containsPattern("class=\"grid-cell\" d=\"M[0-9.]+ -34650\\.00L[^\"]+Z\" data-grid=\"410305-0017\"")
                .containsPattern("class=\"grid-near\" d=\"M[0-9.]+ -34650\\.00L[^\"]+Z\" data-grid=\"410305-0018\"")
                .contains("粗线为案件所属网格 410305-0017 的边界", "乡镇 (街道) 边界没有公开数据");
        dispatch.verify(1, getRequestedFor(urlEqualTo("/dispatch/territory/grids/410305-0017/outline"))
                .withHeader("X-On-Behalf-Of", equalTo("campaign")));

        String unavailable = Eventually.until(() -> page(campaign, "/console/cases/CASE-LY20261127-001002"),
                r -> r.statusCode() == 200, Duration.ofSeconds(30)).body();
        assertThat(unavailable).contains("网格 410305-0099 的边界暂时无法获取", "class=\"dot\"").doesNotContain("grid-cell");
        assertThat(page(campaign, "/console/cases/CASE-LY20261127-001002?lang=en").body())
                .contains("The outline of grid 410305-0099 is unavailable right now");
    }

    @Test
    void theOfficeMapDrawsEveryRegisteredMonitorInTheStateOfItsOpenCases() throws Exception {
        dispatch.stubFor(get(urlEqualTo("/dispatch/monitors")).willReturn(aResponse().withStatus(503)));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, MonitorCasesPageTest.fromMonitor("cmp-mon-1003", "410305LY0001SITE1003",
                FaultKind.EXCEEDANCE, T, new WindowAverage(T.minusSeconds(3600), T, 212.5, 260.1, 60)));
        publisher.publish(Topics.CASES_DISPATCHED, MonitorCasesPageTest.dispatched("CASE-LY20261127-001003", "cmp-mon-1003"));
        HttpClient campaign = signedIn("campaign");

        String withoutRegistry = Eventually.until(() -> page(campaign, "/console/office/map").body(),
                body -> body.contains("data-mn=\"410305LY0001SITE1003\""), Duration.ofSeconds(30));
        assertThat(withoutRegistry).contains("id=\"registry-unavailable\"").doesNotContain("410305LY0002SITE1004");

        dispatch.stubFor(get(urlEqualTo("/dispatch/monitors")).willReturn(okJson("["
                + monitor("410305LY0001SITE1003", "工地一〇〇三", "410305", 112.3851, 34.6612) + ","
                + monitor("410305LY0002SITE1004", "工地一〇〇四", "410305", 112.3950, 34.6700) + ","
                + monitor("410311LY0001SITE1005", "工地一〇〇五", "410311", 112.6200, 34.5200) + "]")));

        String all = page(campaign, "/console/office/map").body();
        assertThat(all).doesNotContain("registry-unavailable")
                .containsPattern("<a href=\"/console/cases/CASE-LY20261127-001003\"\\s+data-mn=\"410305LY0001SITE1003\" data-state=\"EXCEEDANCE\"")
                .contains("<g class=\"monitor-ok\" data-mn=\"410305LY0002SITE1004\" data-state=\"OK\">")
                .contains("data-mn=\"410311LY0001SITE1005\"", "监测设备 410305LY0002SITE1004: 正常, 无在办案件 · 工地一〇〇四");
        assertThat(page(campaign, "/console/office/map?district=410305").body())
                .contains("data-mn=\"410305LY0001SITE1003\"", "data-mn=\"410305LY0002SITE1004\"").doesNotContain("410311LY0001SITE1005");
        assertThat(page(campaign, "/console/office/map?category=AIR_CONSTRUCTION_DUST").body())
                .contains("data-mn=\"410305LY0001SITE1003\"").doesNotContain("410305LY0002SITE1004", "410311LY0001SITE1005");
        dispatch.verify(getRequestedFor(urlEqualTo("/dispatch/monitors")).withHeader("X-On-Behalf-Of", equalTo("campaign")));
    }

    private static String monitor(String mn, String source, String district, double lon, double lat) {
        return "{\"mn\":\"" + mn + "\",\"sourceId\":\"S-" + mn + "\",\"sourceName\":\"" + source + "\",\"sourceType\":\"CONSTRUCTION_SITE\","
                + "\"districtCode\":\"" + district + "\",\"longitude\":" + lon + ",\"latitude\":" + lat + ",\"datum\":\"GCJ02\"}";
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher token = CSRF.matcher(page(client, "/console/login").body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=luoyang2026&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        return client;
    }

    private HttpResponse<String> page(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
