package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.TopicProbe;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public status page (/track) in a real browser: headless Chromium driven by playwright-core,
 * with the script and the npm install shared with the web console's browser tests in
 * {@code enforcement-service/src/test/browser}. Skipped where Chromium or that install is missing.
 */
class PublicTrackPageBrowserTest extends ServiceHarness {

    private static final Path BROWSER = Path.of("../enforcement-service/src/test/browser").toAbsolutePath().normalize();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    EventPublisher publisher;
    @Autowired
    EventCodec codec;

    @Test
    void aReporterLooksUpTheirComplaintWithTrackingNumberAndLastFourDigitsAndSeesTheReply() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium (apt-get install -y chromium)");
        assumeTrue(Files.isDirectory(BROWSER.resolve("node_modules/playwright-core"))
                && Files.isDirectory(BROWSER.resolve("node_modules/axe-core")), "npm ci in " + BROWSER);
        HttpResponse<String> filed = postJson("/api/complaints", Reports.nativeReport("13812340071"), Map.of());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode complaint = json.readTree(filed.body());
        String tn = complaint.get("trackingNumber").stringValue();
        String complaintId = complaint.get("complaintId").stringValue();
        Instant t0 = Instant.now();
        publisher.publish(Topics.CASES_DISPATCHED, CaseEvents.dispatched("CASE-" + tn, complaintId, tn, "HOUSING_CONSTRUCTION", 1, t0));
        publisher.publish(Topics.CASES_LIFECYCLE, CaseEvents.closed("CASE-" + tn, "工地已覆盖裸土并安装喷淋, 复查合格。",
                List.of(complaintId), t0.plusSeconds(3600)));
        eventually(Duration.ofSeconds(30), () -> lookup(tn, "0071").body().contains("\"CLOSED\""),
                "the complaint closed");

        JsonNode r = runScript("public-track.cjs", "http://127.0.0.1:" + port, tn, "0071", "9999");
        assertThat(r.get("addressAfterLookup").asString()).endsWith("/track").doesNotContain("0071");

        assertThat(r.get("typed").asString()).isNotEqualTo(tn).contains(" ");
        assertThat(r.get("cityHeader").asString()).contains("洛阳市", "举报办理进度查询");
        assertThat(r.get("status").asString()).isEqualTo("已办结");
        assertThat(r.get("department").asString()).isEqualTo("涧西区住房和城乡建设局");
        assertThat(r.get("reply").asString()).isEqualTo("工地已覆盖裸土并安装喷淋, 复查合格。");
        assertThat(r.get("pageText").asString()).doesNotContain("13812340071");
        assertThat(r.get("ratedThanks").asBoolean()).isTrue();
        assertThat(r.get("ratingFormAfter").asBoolean()).isFalse();
        assertThat(r.get("alreadyRated").asBoolean()).isTrue();
        assertThat(r.get("ratingFormOnReturn").asBoolean()).isFalse();
        // a second rating (the form is gone, but a request can still be made) and one with wrong digits change nothing
        assertThat(rate(tn, "0071", "UNSATISFIED").body()).contains("rating-already");
        assertThat(rate(tn, "9999", "UNSATISFIED").body()).contains("not-found").doesNotContain("rating-already");
        try (TopicProbe probe = new TopicProbe(brokers, Topics.REPORTERS_FEEDBACK)) {
            probe.await(1, Duration.ofSeconds(20));
            var records = probe.await(2, Duration.ofSeconds(3));
            assertThat(records).hasSize(1);
            var feedback = (ReporterFeedbackReceived) codec.decode(TopicProbe.header(records.get(0), CloudEventHeaders.TYPE),
                    records.get(0).value());
            assertThat(feedback.caseId()).isEqualTo("CASE-" + tn);
            assertThat(feedback.complaintId()).isEqualTo(complaintId);
            assertThat(feedback.rating()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        }
        assertThat(r.get("wrongDigitsNotFound").asBoolean()).isTrue();
        assertThat(r.get("wrongDigitsResult").asBoolean()).isFalse();
        assertThat(r.get("externalRequests")).isEmpty();
        // axe-core on the empty form, the result (desktop and phone) and the not-found answer: nothing serious or critical
        assertThat(r.get("a11y")).hasSize(4).allSatisfy(page -> assertThat(page.get("violations"))
                .as("accessibility of %s: %s", page.get("path"), page.get("violations")).isEmpty());
    }

    private HttpResponse<String> rate(String trackingNumber, String digits, String rating) {
        String form = "trackingNumber=" + trackingNumber + "&phoneLast4=" + digits + "&rating=" + rating;
        return postBytes("/track/rating", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode runScript(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("node", BROWSER.resolve(script).toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("browser-", ".log");
        Process process = new ProcessBuilder(command).directory(BROWSER.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(finished && process.exitValue() == 0).as("%s succeeded; output:%n%s", script, output).isTrue();
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(script + " printed no RESULT line:\n" + output));
        return json.readTree(line.substring("RESULT ".length()));
    }
}
