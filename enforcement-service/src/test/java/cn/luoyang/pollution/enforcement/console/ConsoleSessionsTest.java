package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.testing.ServiceTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's sessions live in MongoDB: a person signed in on one instance is still signed in when
 * the next request lands on another, and signing out on one signs out on both (issue 12).
 */
@ServiceTest
@TestPropertySource(properties = "enforcement.scheduling.enabled=false")
class ConsoleSessionsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    static SecondInstance other;

    /** One browser: the same cookie jar for both instances, as behind a load balancer. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startTheOtherInstanceOnce() {
        if (other != null) {
            return;
        }
        other = new SecondInstance(environment);
    }

    @AfterAll
    static void stopTheOtherInstance() {
        other.close();
        other = null;
    }

    @Test
    void aPersonSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
        String first = "http://127.0.0.1:" + port;
        assertThat(get(other.url() + "/console/inbox").statusCode()).as("not signed in yet").isEqualTo(302);

        signIn(first, "cg-jianxi");

        HttpResponse<String> there = get(other.url() + "/console/inbox");
        assertThat(there.statusCode()).isEqualTo(200);
        assertThat(there.body()).contains("张伟");
        assertThat(get(other.url() + "/console/office").statusCode()).as("still a handler there").isEqualTo(403);
    }

    @Test
    void signingOutOnOneInstanceSignsOutOnTheOther() throws Exception {
        String first = "http://127.0.0.1:" + port;
        signIn(first, "cg-jianxi");
        Matcher token = CSRF.matcher(get(other.url() + "/console/inbox").body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> out = post(other.url() + "/console/logout", "_csrf=" + encoded(token));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(get(first + "/console/inbox").statusCode()).isEqualTo(302);
    }

    private void signIn(String instance, String username) throws Exception {
        Matcher token = CSRF.matcher(get(instance + "/console/login").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = post(instance + "/console/login",
                "username=" + username + "&password=luoyang2026&_csrf=" + encoded(token));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
    }

    private static String encoded(Matcher token) {
        return URLEncoder.encode(token.group(1) != null ? token.group(1) : token.group(2), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
