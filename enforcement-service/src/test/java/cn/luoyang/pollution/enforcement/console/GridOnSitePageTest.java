package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.enforcement.ApiClient;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.RectificationCheck;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * On-site checks are offered to the grid members of the case's grid (网格员), over the real broker,
 * the embedded MongoDB and HTTP, signed in to the console as {@code grid-jianxi} (grid 410305-0017):
 * the inbox marks the cases of its grid — and of a grid whose roster team (sent by dispatch with the
 * case) names it — that wait for someone on site (待现场核查), the case page offers the step and
 * records it in the grid member's name; a case of another grid is neither listed nor opened nor
 * acted on. The 到期复查 form appears once a rectification order's deadline has passed, refuses a
 * finding left unchosen with the typed values kept, and records both findings.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class GridOnSitePageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final String MINE = "CASE-LY20261127-000601";
    private static final String OTHER_GRID = "CASE-LY20261127-000602";
    private static final String ON_THE_ROSTER = "CASE-LY20261127-000603";

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    Cases cases;
    @Autowired
    Clock clock;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theGridMemberSeesAndChecksTheCasesOfItsGridAndOfItsRosterTeamOnly() throws Exception {
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.inGrid(MINE, "410305-0017"));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.inGrid(OTHER_GRID, "410305-0018")
                .withGridTeam(new GridTeam("410305-0018", new GridTeam.Member("grid-other", "钱军"), List.of())));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.inGrid(ON_THE_ROSTER, "410305-0099").withGridTeam(
                new GridTeam("410305-0099", new GridTeam.Member("grid-leader", "孙丽"), List.of(new GridTeam.Member("grid-jianxi", "赵磊")))));
        ApiClient api = new ApiClient(port);
        for (String id : List.of(MINE, OTHER_GRID, ON_THE_ROSTER)) {
            Eventually.until(() -> cases.find(id).isPresent(), ok -> ok, Duration.ofSeconds(30));
        }
        assertThat(cases.find(ON_THE_ROSTER).orElseThrow().onGridTeam("grid-jianxi")).as("the team is kept with the case").isTrue();
        signIn("grid-jianxi");
        assertThat(get("/console/inbox").body()).as("nothing to do on site before the unit signs for the cases")
                .doesNotContain("待现场核查").contains(tracking(MINE), tracking(ON_THE_ROSTER)).doesNotContain(tracking(OTHER_GRID));
        for (String id : List.of(MINE, OTHER_GRID, ON_THE_ROSTER)) {
            assertThat(api.post("cg-jianxi", "/api/cases/" + id + "/accept", "{}").status()).isEqualTo(200);
        }

        String inbox = get("/console/inbox").body();
        assertThat(row(inbox, MINE)).contains("待现场核查");
        assertThat(row(inbox, ON_THE_ROSTER)).contains("待现场核查");
        assertThat(inbox).doesNotContain(tracking(OTHER_GRID), OTHER_GRID);

        HttpResponse<String> page = get("/console/cases/" + MINE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"action-inspect\"");
        assertThat(get("/console/cases/" + OTHER_GRID).statusCode()).isEqualTo(403);

        assertThat(post("/console/cases/" + MINE + "/inspect", Map.of("evidenceText", "到场照片-001", "note", "已到现场"))
                .statusCode()).isEqualTo(302);
        Case inspected = cases.find(MINE).orElseThrow();
        assertThat(inspected.state()).isEqualTo(CaseState.INSPECTING);
        assertThat(inspected.inspectorId()).isEqualTo("grid-jianxi");
        assertThat(post("/console/cases/" + ON_THE_ROSTER + "/inspect", Map.of("evidenceText", "到场照片-002")).statusCode())
                .isEqualTo(302);
        assertThat(cases.find(ON_THE_ROSTER).orElseThrow().state()).isEqualTo(CaseState.INSPECTING);

        assertThat(post("/console/cases/" + OTHER_GRID + "/inspect", Map.of("evidenceText", "到场照片-003")).statusCode())
                .isEqualTo(403);
        assertThat(cases.find(OTHER_GRID).orElseThrow().state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(api.post("grid-jianxi", "/api/cases/" + OTHER_GRID + "/inspection", "{\"evidence\":[\"x.jpg\"]}").status())
                .isEqualTo(403);
    }

    @Test
    void theRectificationCheckIsRecordedFromTheCasePageOnceTheDeadlineHasPassed() throws Exception {
        String id = "CASE-LY20261127-000611"; // grid 410305-0017, ordered to rectify by 2026-11-30
        Case ordered = CaseMother.inState(id, CaseState.RECTIFICATION_ORDERED);
        assertThat(ordered.rectificationCheckDue(clock.instant())).as("the order's deadline lies in the past").isTrue();
        cases.save(ordered);
        signIn("grid-jianxi");

        assertThat(row(get("/console/inbox").body(), id)).contains("待现场核查");
        assertThat(get("/console/cases/" + id).body()).contains("id=\"action-rectification-check\"", "到期复查");

        HttpResponse<String> unchosen = post("/console/cases/" + id + "/rectification-check",
                Map.of("evidenceText", "复查照片-007", "note", "裸土仍未覆盖"));
        assertThat(unchosen.statusCode()).isEqualTo(302);
        assertThat(unchosen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("#action-rectification-check"));
        String refused = get("/console/cases/" + id).body();
        assertThat(refused).contains("请选择复查结论", "value=\"复查照片-007\"", "value=\"裸土仍未覆盖\"");
        assertThat(cases.find(id).orElseThrow().rectificationChecks()).allMatch(RectificationCheck::pending);

        post("/console/cases/" + id + "/rectification-check", Map.of("resolved", "false", "evidenceText", "复查照片-007"));
        Case failed = cases.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(CaseState.RECTIFICATION_ORDERED);
        RectificationCheck check = failed.rectificationChecks().get(failed.rectificationChecks().size() - 1);
        assertThat(check.failed()).isTrue();
        assertThat(check.finding().actor().userId()).isEqualTo("grid-jianxi");

        post("/console/cases/" + id + "/rectification-check", Map.of("resolved", "true", "evidenceText", "复查照片-008"));
        assertThat(cases.find(id).orElseThrow().state()).isEqualTo(CaseState.RECTIFIED);
    }

    private static String tracking(String caseId) {
        return caseId.replace("CASE-", "");
    }

    /** The inbox table's row of the case. */
    private static String row(String inbox, String caseId) {
        Matcher m = Pattern.compile("<tr[^>]*data-case=\"" + caseId + "\"[\\s\\S]*?</tr>").matcher(inbox);
        assertThat(m.find()).as("the inbox lists " + caseId).isTrue();
        return m.group();
    }

    private void signIn(String user) throws Exception {
        String form = "username=" + user + "&password=luoyang2026&_csrf=" + URLEncoder.encode(token("/console/login"), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri("/console/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private String token(String path) throws Exception {
        Matcher token = CSRF.matcher(get(path).body());
        assertThat(token.find()).as(path + " carries a CSRF token").isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token("/console/inbox"));
        String form = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
