package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.luoyang.pollution.testing.ServiceTest;
import jakarta.servlet.RequestDispatcher;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The service's error pages over real HTTP (the container's error dispatch does not run under
 * MockMvc): the console's own look and texts, never Spring's "Whitelabel" page.
 */
@ServiceTest
class ErrorPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theSiteRootRedirectsToTheConsole() throws Exception {
        HttpResponse<String> root = get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
    }

    @Test
    void aHandlerOpeningTheCampaignOfficePageGetsTheBranded403() throws Exception {
        signIn("cg-jianxi");

        HttpResponse<String> office = get("/console/office");

        assertThat(office.statusCode()).isEqualTo(403);
        assertBranded(office.body());
        assertThat(office.body()).contains("无权访问此页面", "href=\"/console\"");
    }

    @Test
    void anUnknownConsolePageIsTheBranded404InChineseAndInEnglishOnRequest() throws Exception {
        signIn("cg-jianxi");

        HttpResponse<String> chinese = get("/console/no-such-page");
        HttpResponse<String> english = get("/console/no-such-page?lang=en");

        assertThat(chinese.statusCode()).isEqualTo(404);
        assertBranded(chinese.body());
        assertThat(chinese.body()).contains("页面不存在", "返回首页");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Page not found", "Back to the start page").doesNotContain("页面不存在");
    }

    @Test
    void anUnknownPageOutsideTheConsoleIsTheBranded404() throws Exception {
        HttpResponse<String> page = get("/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertBranded(page.body());
        assertThat(page.body()).contains("页面不存在");
    }

    @Test
    void anUnknownConsolePageWithoutASessionStillLeadsToTheLoginPage() throws Exception {
        HttpResponse<String> page = get("/console/no-such-page");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login"));
    }

    @Test
    void aFailureIsTheBranded500() throws Exception {
        // the page the container's error dispatch renders for a 500 (no page fails on purpose)
        var failure = MockMvcBuilders.webAppContextSetup(context).build()
                .perform(MockMvcRequestBuilders.get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500))
                .andExpect(status().isInternalServerError()).andReturn();

        String body = failure.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertBranded(body);
        assertThat(body).contains("系统出错, 请稍后再试", "返回首页");
    }

    @Test
    void aFormPostedAfterTheSessionExpiredAsksToSignInAgainAndThenLeadsBackToThePage() throws Exception {
        // no session (it expired): the form's CSRF token is unknown
        HttpResponse<String> posted = post("/console/cases/CASE-LY20261127-000901/close", "reply=" + URLEncoder.encode("已整改", StandardCharsets.UTF_8)
                + "&_csrf=stale-token");

        assertThat(posted.statusCode()).isEqualTo(302);
        String login = posted.headers().firstValue("Location").orElseThrow();
        assertThat(login).endsWith("/console/login?expired&continue=%2Fconsole%2Fcases%2FCASE-LY20261127-000901");
        String page = get(login.substring(login.indexOf("/console"))).body();
        assertThat(page).contains("登录已过期", "name=\"continue\"", "value=\"/console/cases/CASE-LY20261127-000901\"");

        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        HttpResponse<String> signedIn = post("/console/login", "username=cg-jianxi&password=luoyang2026&continue="
                + URLEncoder.encode("/console/cases/CASE-LY20261127-000901", StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        assertThat(signedIn.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/console/cases/CASE-LY20261127-000901");
    }

    @Test
    void signingInNeverLeadsToAnotherSite() throws Exception {
        Matcher token = CSRF.matcher(get("/console/login?continue=//evil.example/x").body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        HttpResponse<String> signedIn = post("/console/login", "username=cg-jianxi&password=luoyang2026&continue="
                + URLEncoder.encode("https://evil.example/console", StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        assertThat(signedIn.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/console");
    }

    @Test
    void aBadDateOnTheReportsCsvIsABrandedPageNotJson() throws Exception {
        signIn("supervisor");

        HttpResponse<String> csv = get("/console/reports/weekly.csv?from=not-a-date");

        assertThat(csv.statusCode()).isEqualTo(400);
        assertBranded(csv.body());
        assertThat(csv.body()).contains("请求无法处理").doesNotContain("\"status\"");
    }

    @Test
    void theReportsCsvSpeaksChinese() throws Exception {
        signIn("supervisor");

        HttpResponse<String> csv = get("/console/reports/weekly.csv?by=UNIT");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF单位 / 区县,受理,按时签收").doesNotContain("received", "_rate");
    }

    @Test
    void anArbitrationWithADepartmentThatIsNotInTheListIsRefusedBesideTheFieldNotAsJson() throws Exception {
        signIn("campaign");
        Matcher token = CSRF.matcher(get("/console/office").body());
        String csrf = token.find() ? (token.group(1) != null ? token.group(1) : token.group(2)) : "";

        HttpResponse<String> decided = post("/console/office/arbitrations/CASE-LY20261127-000902/decide",
                "leadDepartment=URBAN_MANAGMENT&coHandlingDepartments=URBAN_MANAGMENT&level=DISTRICT&reason=&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8));

        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(decided.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/console/office"));
        String office = get("/console/office").body();
        assertThat(office).contains("请从列表中选择主办单位", "裁定须写明理由").doesNotContain("\"errors\"");
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertBranded(String body) {
        assertThat(body).doesNotContain("Whitelabel").contains("洛阳市污染防治攻坚")
                .containsPattern("/console/assets/css/console(-[0-9a-f]{32})?\\.css");
    }

    private void signIn(String username) throws Exception {
        Matcher token = CSRF.matcher(get("/console/login").body());
        assertThat(token.find()).as("login form carries a CSRF token").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String form = "username=" + username + "&password=luoyang2026&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
