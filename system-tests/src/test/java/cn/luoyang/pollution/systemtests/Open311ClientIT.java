package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.harness.CaseWalk;
import cn.luoyang.pollution.systemtests.harness.Handlers;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, Open311 both ways over the real processes, as a standard client (FixMyStreet) does it
 * with XML alone: it sends a report, polls {@code servicerequestupdates.xml} until it sees the
 * report dispatched and then closed, and posts the reporter's follow-up, which the handler of the
 * case reads in enforcement-service.
 */
class Open311ClientIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String API_KEY = "demo-open311-key";
    private static final Pattern UPDATE = Pattern.compile("<request_update>(.*?)</request_update>");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
    }

    @Test
    void aClientSendsAReportOverXmlSeesItDispatchedAndClosedAndItsFollowUpReachesTheHandler() {
        Instant since = Instant.now().minusSeconds(60);
        HttpResponse<String> created = post("/open311/v2/requests.xml", form("api_key", API_KEY,
                "service_code", "AIR_CONSTRUCTION_DUST", "lat", "34.6197", "long", "112.3830",
                "address_string", "洛阳市涧西区中州西路", "description", "工地夜间未覆盖, 扬尘很大 (Open311)",
                "phone", "13800001311"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String requestId = value(created.body(), "service_request_id");

        List<String> dispatched = updatesUntil(requestId, since, "DISPATCHED");
        assertThat(dispatched.get(dispatched.size() - 1)).contains("<status>open</status>");

        Ledger ledger = system.ledger();
        assertThat(Ledger.within(STEP, () -> ledger.registrationOfTrackingNumber(requestId).isPresent())).as("registered").isTrue();
        String complaintId = ledger.registrationOfTrackingNumber(requestId).orElseThrow().text("complaintId");
        CaseWalk.Outcome walked = CaseWalk.acceptAndClose(system, complaintId, "经现场核查, 工地已覆盖裸土, 问题已整改。", STEP);
        assertThat(walked.closed().body()).contains("\"state\":\"CLOSED\"");
        List<String> closed = updatesUntil(requestId, since, "CLOSED");
        assertThat(closed.get(closed.size() - 1)).contains("<status>closed</status>", "工地已覆盖裸土");

        HttpResponse<String> followUp = post("/open311/v2/servicerequestupdates.xml", form("api_key", API_KEY,
                "service_request_id", requestId, "update_id", "fms-" + requestId, "updated_datetime", Instant.now().toString(),
                "status", "OPEN", "description", "晚上又开始扬尘了, 请再来看看"));
        assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(200);
        assertThat(followUp.body()).contains("<update_id>");

        String caseId = walked.caseId();
        String unit = Handlers.unitOf(system.ledger().caseDispatched(caseId).orElseThrow());
        String handler = Handlers.userFor(unit).orElseThrow();
        JsonHttp asHandler = new JsonHttp(system.url(Component.ENFORCEMENT))
                .withAuthorization(() -> system.tokens().bearer(handler, Handlers.PASSWORD));
        assertThat(Ledger.within(STEP, () -> asHandler.get("/api/cases/" + caseId + "/reports").body().contains("晚上又开始扬尘了")))
                .as("the handler of " + caseId + " reads the reporter's follow-up").isTrue();
        assertThat(asHandler.get("/api/cases/" + caseId + "/reports").body()).doesNotContain("13800001311");
    }

    /** Polls the updates of the last minutes until one of {@code requestId} has {@code statusCode}; its updates, oldest first. */
    private static List<String> updatesUntil(String requestId, Instant since, String statusCode) {
        List<List<String>> seen = new ArrayList<>(List.of(List.of()));
        boolean arrived = Ledger.within(STEP, () -> {
            String xml = get("/open311/v2/servicerequestupdates.xml?start_date=" + since + "&end_date=" + Instant.now().plusSeconds(60));
            List<String> mine = new ArrayList<>();
            Matcher m = UPDATE.matcher(xml);
            while (m.find()) {
                if (m.group(1).contains("<service_request_id>" + requestId + "</service_request_id>")) {
                    mine.add(m.group(1));
                }
            }
            seen.set(0, mine);
            return mine.stream().anyMatch(u -> u.contains("<external_status_code>" + statusCode + "</external_status_code>"));
        });
        assertThat(arrived).as(requestId + " " + statusCode + " in servicerequestupdates.xml: " + seen.get(0)).isTrue();
        return seen.get(0);
    }

    private static String value(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(system.url(Component.COMPLAINT) + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(system.url(Component.COMPLAINT) + path)).GET().build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
