package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import jakarta.servlet.RequestDispatcher;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public site as a person meets it: the root leads to the status lookup, a tracking number is
 * found however it was typed, and an unknown page or a failure is a page in the site's look, never
 * Spring's "Whitelabel" page.
 */
class PublicPagesTest extends ServiceHarness {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;

    @Test
    void theSiteRootLeadsToTheStatusLookup() {
        HttpResponse<String> root = get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/track"));
    }

    @Test
    void aTrackingNumberIsFoundInAnyCaseAndWithSpaces() {
        HttpResponse<String> filed = postJson("/api/complaints", Reports.nativeReport("13812346666"), Map.of());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String tn = json.readTree(filed.body()).get("trackingNumber").stringValue();
        String typed = " " + tn.toLowerCase(Locale.ROOT).replace("-", " - ") + " ";
        String query = URLEncoder.encode(typed, StandardCharsets.UTF_8);

        HttpResponse<String> api = lookup(typed, "6666");
        HttpResponse<String> page = lookupPage(typed, "6666");
        HttpResponse<String> link = get("/track?trackingNumber=" + query);

        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"trackingNumber\":\"" + tn + "\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"result\"", tn).doesNotContain("id=\"not-found\"");
        // a link (an SMS) fills in the number and leaves the digits to the reporter: no result yet
        assertThat(link.body()).contains("value=\"" + tn + "\"").doesNotContain("id=\"result\"");
    }

    @Test
    void anUnknownPageIsTheSitesOwn404() {
        HttpResponse<String> page = html("/swagger-ui/no-such-page");
        HttpResponse<String> mistyped = html("/trak");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("举报办理进度查询", "页面不存在", "href=\"/track\"").doesNotContain("Whitelabel");
        assertThat(mistyped.statusCode()).isEqualTo(404);
        assertThat(mistyped.body()).contains("页面不存在").doesNotContain("Whitelabel");
    }

    @Test
    void aFailureIsTheSitesOwnErrorPage() throws Exception {
        // the page the container's error dispatch renders for a 500 (no endpoint fails on purpose)
        var failure = MockMvcBuilders.webAppContextSetup(context).build()
                .perform(MockMvcRequestBuilders.get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500))
                .andExpect(status().isInternalServerError()).andReturn();

        assertThat(failure.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("举报办理进度查询", "系统暂时出错", "href=\"/track\"").doesNotContain("Whitelabel");
    }

    private HttpResponse<String> html(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
    }
}
