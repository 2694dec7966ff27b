package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.testing.ServiceTest;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What makes the weekly report fast on a slow mobile link (issue 19): its pages and assets are gzipped
 * for a browser that accepts it, and the assets are linked by content hash and may be kept a year.
 */
@ServiceTest
class ConsoleAssetsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern ECHARTS = Pattern.compile("src=\"(/webjars/echarts/[^\"]*echarts\\.common\\.min-[0-9a-f]{32}\\.js)\"");
    private static final Pattern REPORT_JS = Pattern.compile("src=\"(/console/assets/js/weekly-report-[0-9a-f]{32}\\.js)\"");
    private static final Pattern CSS = Pattern.compile("href=\"(/console/assets/css/console-[0-9a-f]{32}\\.css)\"");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theReportLinksItsAssetsByContentHashAndTheyAreGzippedAndKeptAYear() throws Exception {
        signIn("supervisor");
        String page = new String(get("/console/reports/weekly", "identity").body(), StandardCharsets.UTF_8);

        for (Pattern asset : new Pattern[] {ECHARTS, REPORT_JS, CSS}) {
            Matcher link = asset.matcher(page);
            assertThat(link.find()).as("%s in the page", asset).isTrue();
            HttpResponse<byte[]> fetched = get(link.group(1), "gzip");
            assertThat(fetched.statusCode()).as(link.group(1)).isEqualTo(200);
            assertThat(fetched.headers().firstValue("Content-Encoding")).as(link.group(1)).hasValue("gzip");
            assertThat(fetched.headers().firstValue("Cache-Control")).as(link.group(1))
                    .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000").doesNotContain("no-store", "no-cache"));
            assertThat(gunzip(fetched.body()).length).as("%s unpacks", link.group(1)).isGreaterThan(fetched.body().length);
        }
        HttpResponse<byte[]> echarts = get(find(ECHARTS, page), "gzip");
        // the common build (bars, pie): 650 KB, about 215 KB on the wire; the district map is server SVG
        assertThat(gunzip(echarts.body()).length).as("echarts.common.min.js").isGreaterThan(600_000);
        assertThat(echarts.body().length).as("echarts.common.min.js on the wire").isLessThan(250_000);
        assertThat(page).doesNotContain("luoyang-districts", "echarts.min");
    }

    @Test
    void pagesAreGzippedButNeverCached() throws Exception {
        signIn("supervisor");

        HttpResponse<byte[]> page = get("/console/reports/weekly", "gzip");

        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(page.body()), StandardCharsets.UTF_8)).contains("周例会报表");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    private static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static byte[] gunzip(byte[] body) throws Exception {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private HttpResponse<byte[]> get(String path, String encoding) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html,*/*").header("Accept-Encoding", encoding).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private void signIn(String username) throws Exception {
        String login = new String(get("/console/login", "identity").body(), StandardCharsets.UTF_8);
        Matcher token = CSRF.matcher(login);
        assertThat(token.find()).as("login form carries a CSRF token").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String form = "username=" + username + "&password=luoyang2026&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
    }
}
