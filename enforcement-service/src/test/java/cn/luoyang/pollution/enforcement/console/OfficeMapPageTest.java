package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * 攻坚办作战图 over HTTP: the campaign office sees each open case as a point on the offline district map,
 * nearby ones as one cluster linking to the filtered work list, the GET form's filters narrowing what is drawn;
 * a handler is refused the page.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class OfficeMapPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;

    static CaseDispatched at(CaseDispatched d, String category, double lon, double lat) {
        return new CaseDispatched(d.eventId(), d.caseId(), d.complaintId(), d.trackingNumber(), category,
                new GeoPoint(lon, lat, GeoPoint.Datum.WGS84), d.territory(), d.gridTeam(), d.leadDepartment(),
                d.coHandlingDepartments(), d.level(), d.priority(), d.deadlineProfile(), d.sourceId(), d.ruleId(),
                d.ruleVersion(), d.routingRound(), d.arbitrated(), d.trace(), d.occurredAt(), d.schemaVersion());
    }

    @Test
    void theCampaignOfficeSeesOpenCasesAsPointsAndClustersWithFilters() throws Exception {
        publisher.publish(Topics.CASES_DISPATCHED, at(Dispatches.routine("CASE-LY20261127-000701", "URBAN_MANAGEMENT", "410305"),
                "AIR_CONSTRUCTION_DUST", 112.3901, 34.6601));
        publisher.publish(Topics.CASES_DISPATCHED, at(Dispatches.routine("CASE-LY20261127-000702", "URBAN_MANAGEMENT", "410305"),
                "AIR_CONSTRUCTION_DUST", 112.3903, 34.6602));
        publisher.publish(Topics.CASES_DISPATCHED, at(Dispatches.routine("CASE-LY20261127-000703", "URBAN_MANAGEMENT", "410311"),
                "NOISE_CONSTRUCTION", 112.62, 34.52));
        HttpClient campaign = signedIn("campaign");

        String page = Eventually.until(() -> get(campaign, "/console/office/map").body(),
                body -> body.contains("/console/cases/CASE-LY20261127-000703"), Duration.ofSeconds(30));

        assertThat(page).contains("在办案件作战图", "<svg class=\"city-map\"", "name=\"category\"", "name=\"district\"",
                        "name=\"state\"", "name=\"overdue\"")
                .contains("data-case=\"CASE-LY20261127-000703\"")
                .doesNotContain("data-case=\"CASE-LY20261127-000701\"", "data-case=\"CASE-LY20261127-000702\"");
        assertThat(page).as("the two nearby cases are one cluster linking to 涧西区's work list")
                .containsPattern("href=\"/console/inbox\\?territory=410305[^\"]*\"[^>]*data-count=\"\\d+\"");

        String dustOnly = get(campaign, "/console/office/map?category=NOISE_CONSTRUCTION&district=&state=").body();
        assertThat(dustOnly).contains("data-case=\"CASE-LY20261127-000703\"").doesNotContain("territory=410305");
        String jianxi = get(campaign, "/console/office/map?district=410305").body();
        assertThat(jianxi).doesNotContain("CASE-LY20261127-000703").contains("class=\"focus\"");
        assertThat(get(campaign, "/console/office/map?overdue=true").body()).doesNotContain("CASE-LY20261127-000703")
                .contains("地图上共 0 件");
        assertThat(get(campaign, "/console/office").body()).contains("href=\"/console/office/map\"");

        HttpResponse<String> handler = get(signedIn("cg-jianxi"), "/console/office/map");
        assertThat(handler.statusCode()).isEqualTo(403);
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher token = CSRF.matcher(get(client, "/console/login").body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=luoyang2026&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
