package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
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
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Cases opened by online monitors (在线监测) over the broker, MongoDB and HTTP: the trigger travels with the
 * complaint's account ({@code complaints.registered}) to the case page, which shows the MN, the fault and the
 * window averages against the limit as a server-drawn SVG chart.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class MonitorCasesPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    static final Instant T = Instant.parse("2026-11-27T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;

    /** A monitor's complaint as complaint-service registers it from a {@code MonitorFaultDetected}. */
    static ComplaintRegistered fromMonitor(String complaintId, String mn, FaultKind kind, Instant at, WindowAverage... windows) {
        boolean offline = kind == FaultKind.OFFLINE;
        return new ComplaintRegistered("ev-reg-" + complaintId, complaintId, "LY-" + complaintId, "online-monitoring",
                "detected:" + complaintId, Channel.ONLINE_MONITORING, "AIR_CONSTRUCTION_DUST", kind.name(),
                "在线监测 " + mn + (offline ? ": 设备离线" : ": PM10 小时均值超过限值 150"), new GeoPoint(112.39, 34.66, GeoPoint.Datum.WGS84),
                null, at.minusSeconds(3600), true, List.of(), SealedContact.anonymousReporter(), false,
                new MonitorTrigger(mn, "SITE-410305-0117", "fault-" + complaintId, kind, offline ? "silence-2h" : "pm10-hourly",
                        offline ? null : "a34002", offline ? null : 150.0, at.minusSeconds(7200), at, List.of(windows),
                        at.minusSeconds(offline ? 3 * 3600 : 60)),
                at, ComplaintRegistered.VERSION);
    }

    static CaseDispatched dispatched(String caseId, String complaintId) {
        return dispatched(caseId, complaintId, "410305");
    }

    static CaseDispatched dispatched(String caseId, String complaintId, String district) {
        CaseDispatched d = Dispatches.routine(caseId, "HOUSING_CONSTRUCTION", district);
        return new CaseDispatched(d.eventId(), d.caseId(), complaintId, d.trackingNumber(), d.category(), d.location(),
                d.territory(), d.gridTeam(), d.leadDepartment(), d.coHandlingDepartments(), d.level(), d.priority(),
                d.deadlineProfile(), "SITE-410305-0117", d.ruleId(), d.ruleVersion(), d.routingRound(), d.arbitrated(), d.trace(),
                d.occurredAt(), d.schemaVersion());
    }

    @Test
    void anExceedanceCaseShowsTheMonitorAndItsReadingsAgainstTheLimit() throws Exception {
        String caseId = "CASE-LY20261127-000801";
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fromMonitor("cmp-mon-801", "410305LY0001SITE0117", FaultKind.EXCEEDANCE, T,
                new WindowAverage(T.minusSeconds(10800), T.minusSeconds(7200), 120.0, 140.0, 60),
                new WindowAverage(T.minusSeconds(7200), T.minusSeconds(3600), 212.5, 260.1, 60),
                new WindowAverage(T.minusSeconds(3600), T, 188.0, 240.0, 58)));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched(caseId, "cmp-mon-801"));
        HttpClient campaign = signedIn("campaign");

        String page = Eventually.until(() -> get(campaign, "/console/cases/" + caseId), body -> body.contains("id=\"monitor\""),
                Duration.ofSeconds(30));

        assertThat(page).contains("在线监测超标", "410305LY0001SITE0117", "SITE-410305-0117", "超标", "PM10 · pm10-hourly", "150.0")
                .contains("<svg class=\"readings-chart\"", "限值 150.0")
                .contains("均值 212.5, 最大 260.1 (60 条数据)", "均值 120.0, 最大 140.0");
        assertThat(Pattern.compile("<circle r=\"4\"[^>]*class=\"over\"").matcher(page).results().count())
                .as("the two windows over 150 drawn red, the one under not").isEqualTo(2);
        assertThat(Pattern.compile("<circle r=\"4\"").matcher(page).results().count()).isEqualTo(3);
    }

    @Test
    void anOfflineCaseShowsTheMonitorAndItsLastReadingWithoutAChart() throws Exception {
        String caseId = "CASE-LY20261127-000802";
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fromMonitor("cmp-mon-802", "410305LY0001SITE0118", FaultKind.OFFLINE, T));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched(caseId, "cmp-mon-802"));
        HttpClient campaign = signedIn("campaign");

        String page = Eventually.until(() -> get(campaign, "/console/cases/" + caseId), body -> body.contains("id=\"monitor\""),
                Duration.ofSeconds(30));

        // the last reading three hours before the fault: 11-27 07:00 Beijing
        assertThat(page).contains("在线监测设备离线", "410305LY0001SITE0118", "离线", "11-27 07:00").doesNotContain("readings-chart");
    }

    @Test
    void aPersonsReportShowsNoMonitor() throws Exception {
        String caseId = "CASE-LY20261127-000803";
        publisher.publish(Topics.COMPLAINTS_REGISTERED, cn.luoyang.pollution.enforcement.Registrations.of("cmp-" + caseId,
                "工地扬尘", "天津路", T));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        HttpClient campaign = signedIn("campaign");

        String page = Eventually.until(() -> get(campaign, "/console/cases/" + caseId), body -> body.contains("工地扬尘"),
                Duration.ofSeconds(30));

        assertThat(page).doesNotContain("id=\"monitor\"", "readings-chart");
    }

    @Test
    void theWeeklyReportCountsMonitorCasesPerDistrictAndUnitAndListsTheMonitorsOfflineLongest() throws Exception {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fromMonitor("cmp-mon-811", "410311LY0001SITE0201", FaultKind.EXCEEDANCE, T,
                new WindowAverage(T.minusSeconds(3600), T, 188.0, 240.0, 58)));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched("CASE-LY20261127-000811", "cmp-mon-811", "410311"));
        // silent since 11-26 23:00 Beijing (three hours before T minus a day), and a later one since 11-27 07:00
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fromMonitor("cmp-mon-812", "410311LY0001SITE0202", FaultKind.OFFLINE,
                T.minusSeconds(86400)));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched("CASE-LY20261127-000812", "cmp-mon-812", "410311"));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fromMonitor("cmp-mon-813", "410311LY0001SITE0203", FaultKind.OFFLINE, T));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched("CASE-LY20261127-000813", "cmp-mon-813", "410311"));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, cn.luoyang.pollution.enforcement.Registrations.of("cmp-CASE-LY20261127-000814",
                "居民举报: 工地夜间施工", "洛龙区", T));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched("CASE-LY20261127-000814", "cmp-CASE-LY20261127-000814", "410311"));
        HttpClient supervisor = signedIn("supervisor");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String path = "/console/reports/weekly?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

        String page = Eventually.until(() -> get(supervisor, path), body -> body.contains("410311LY0001SITE0203")
                && body.contains("410311LY0001SITE0202") && body.contains("data-key=\"410311\""), Duration.ofSeconds(30));

        String district = row(page, "monitors-by-district", "410311");
        assertThat(cells(district)).as("one exceedance, two offline, the person's report not counted").containsExactly("1", "2", "3");
        assertThat(cells(row(page, "monitors-by-unit", "HOUSING_CONSTRUCTION@410311"))).containsExactly("1", "2", "3");
        String offline = page.substring(page.indexOf("id=\"offline-longest\""));
        assertThat(offline.indexOf("410311LY0001SITE0202")).as("silent longest first")
                .isLessThan(offline.indexOf("410311LY0001SITE0203"));
        assertThat(offline).contains("SITE-410305-0117", "/console/cases/CASE-LY20261127-000812")
                .doesNotContain("410311LY0001SITE0201");
    }

    @Test
    void theOfficeMapShowsMonitorsWithAnOpenCaseInTheirState() throws Exception {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fromMonitor("cmp-mon-821", "410305LY0001SITE0301", FaultKind.EXCEEDANCE, T,
                new WindowAverage(T.minusSeconds(3600), T, 188.0, 240.0, 58)));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched("CASE-LY20261127-000821", "cmp-mon-821"));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, fromMonitor("cmp-mon-822", "410305LY0001SITE0302", FaultKind.OFFLINE, T));
        publisher.publish(Topics.CASES_DISPATCHED, dispatched("CASE-LY20261127-000822", "cmp-mon-822"));
        HttpClient campaign = signedIn("campaign");

        String map = Eventually.until(() -> get(campaign, "/console/office/map"), body -> body.contains("410305LY0001SITE0301")
                && body.contains("410305LY0001SITE0302"), Duration.ofSeconds(30));

        assertThat(map).containsPattern("href=\"/console/cases/CASE-LY20261127-000821\"[^>]*data-mn=\"410305LY0001SITE0301\" data-state=\"EXCEEDANCE\"")
                .containsPattern("href=\"/console/cases/CASE-LY20261127-000822\"[^>]*data-mn=\"410305LY0001SITE0302\" data-state=\"OFFLINE\"")
                .contains("监测设备 410305LY0001SITE0301: 超标 (有在办案件), 1 件在办案件");
        assertThat(get(campaign, "/console/office/map?monitors=false")).doesNotContain("data-mn=");
    }

    private static String row(String page, String table, String key) {
        String from = page.substring(page.indexOf("id=\"" + table + "\""));
        from = from.substring(from.indexOf("data-key=\"" + key + "\""));
        return from.substring(0, from.indexOf("</tr>"));
    }

    private static List<String> cells(String row) {
        return Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row).results().map(m -> m.group(1)).toList();
    }

    HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher token = CSRF.matcher(get(client, "/console/login"));
        assertThat(token.find()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=luoyang2026&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        return client;
    }

    String get(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
