package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The campaign office's map and a monitor's readings chart in headless Chromium ({@code office-map.cjs}): the
 * server-drawn SVG shows on screen, the GET filter form works, a monitor's square opens its case, the pages are
 * Chinese, accessible (axe-core) and fetch nothing from outside.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class OfficeMapBrowserTest {

    private static final Instant T = Instant.parse("2026-11-27T02:00:00Z");

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

    @Test
    void theOfficeMapAndAMonitorsChartShowInTheBrowser() throws Exception {
        String monitorCase = "CASE-LY20261127-000901";
        publisher.publish(Topics.COMPLAINTS_REGISTERED, MonitorCasesPageTest.fromMonitor("cmp-mon-901", "410305LY0001SITE0401",
                FaultKind.EXCEEDANCE, T, new WindowAverage(T.minusSeconds(7200), T.minusSeconds(3600), 120.0, 140.0, 60),
                new WindowAverage(T.minusSeconds(3600), T, 212.5, 260.1, 60)));
        publisher.publish(Topics.CASES_DISPATCHED, MonitorCasesPageTest.dispatched(monitorCase, "cmp-mon-901"));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine("CASE-LY20261127-000902", "URBAN_MANAGEMENT", "410305"));
        Eventually.until(() -> cases.find(monitorCase).isPresent() && cases.find("CASE-LY20261127-000902").isPresent()
                && !accounts.monitorsOf(List.of("cmp-mon-901")).isEmpty(), ok -> ok, Duration.ofSeconds(30));

        JsonNode r = BrowserScripts.run("office-map.cjs", "http://127.0.0.1:" + port, monitorCase);

        assertThat(r.get("mapPath").asString()).isEqualTo("/console/office/map");
        assertThat(r.get("dots")).as("dots drawn with a size").isNotEmpty().allMatch(JsonNode::asBoolean);
        assertThat(r.get("monitors").toString()).contains("EXCEEDANCE");
        assertThat(r.get("filtered").asString()).contains("district=410305");
        assertThat(r.get("openedFromMap").asString()).startsWith("/console/cases/");
        assertThat(r.get("chart").get("width").asDouble()).isGreaterThan(100);
        assertThat(r.get("chart").get("points").asInt()).isEqualTo(2);
        assertThat(r.get("chart").get("over").asInt()).isEqualTo(1);
        assertThat(r.get("externalRequests")).isEmpty();
        ConsoleBrowserTest.assertChineseAndBranded(r.get("pages"));
        ConsoleBrowserTest.assertAccessible(r.get("checked"), 2);
    }
}
