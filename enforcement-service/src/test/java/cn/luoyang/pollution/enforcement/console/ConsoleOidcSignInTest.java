package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.identity.IdentityApplication;
import cn.luoyang.pollution.testing.ServiceTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * In jwt mode the console signs people in through the platform's OpenID Connect provider (the real
 * identity-service on loopback): authorization code with PKCE, the role from the ID token's claim. The
 * login started on one instance is finished on another, and the session then serves both. Signing out
 * ends the provider's session as well (RP-initiated logout).
 */
@ServiceTest
@TestPropertySource(properties = {"platform.security.mode=jwt", "enforcement.scheduling.enabled=false"})
class ConsoleOidcSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static ConfigurableApplicationContext identity;
    static String issuer;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws Exception {
        if (identity == null) {
            identity = new SpringApplicationBuilder(IdentityApplication.class)
                    .properties("spring.main.banner-mode=off", IdentityApplication.CONFIG_NAME)
                    .run("--server.port=0", "--management.server.port=0", "--server.address=127.0.0.1", "--identity.issuer=",
                            "--identity.data-dir=" + Files.createTempDirectory("identity"),
                            // a loopback redirect may come back on any port (RFC 8252): both instances' ports
                            "--IDENTITY_CONSOLE_REDIRECT_URIS=http://127.0.0.1/login/oauth2/code/platform");
            issuer = "http://127.0.0.1:" + ((WebServerApplicationContext) identity).getWebServer().getPort();
        }
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    }


    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    static SecondInstance other;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startTheOtherInstanceOnce() {
        if (other != null) {
            return;
        }
        other = new SecondInstance(environment, "--platform.security.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
    }

    @AfterAll
    static void stopTheOtherInstanceAndTheProvider() {
        other.close();
        other = null;
        identity.close();
        identity = null;
    }

    @Test
    void aHandlerSignsInThroughTheProviderAndTheSessionServesBothInstances() throws Exception {
        String first = "http://127.0.0.1:" + port;
        HttpResponse<String> loginPage = get(first + "/console/login");
        assertThat(loginPage.body()).as("no password form in jwt mode").contains("/oauth2/authorization/platform")
                .doesNotContain("name=\"password\"");

        URI toProvider = location(get(first + "/oauth2/authorization/platform"));
        assertThat(toProvider.toString()).startsWith(issuer + "/oauth2/authorize").contains("code_challenge=")
                .contains("client_id=console");
        URI callback = signInAtTheProvider(toProvider, "cg-jianxi", "luoyang2026");
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/platform");

        // the provider sends the browser back to the first instance; the request lands on the other one
        URI onTheOther = URI.create(other.url() + callback.getRawPath() + "?" + callback.getRawQuery());
        HttpResponse<String> signedIn = get(onTheOther.toString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console"));

        for (String instance : new String[] {first, other.url()}) {
            HttpResponse<String> console = get(instance + "/console/inbox");
            assertThat(console.statusCode()).as(instance).isEqualTo(200);
            assertThat(console.body()).contains("张伟");
            assertThat(get(instance + "/console/office").statusCode()).as("a handler, from the role claim").isEqualTo(403);
        }
    }

    @Test
    void aWrongPasswordAtTheProviderSignsNobodyIn() throws Exception {
        String first = "http://127.0.0.1:" + port;
        URI toProvider = location(get(first + "/oauth2/authorization/platform"));

        assertThat(signInAtTheProvider(toProvider, "cg-jianxi", "wrong")).isNull();
        assertThat(get(first + "/console/inbox").statusCode()).isEqualTo(302);
    }

    @Test
    void signingOutEndsTheProvidersSessionSoTheNextSignInAsksForThePasswordAgain() throws Exception {
        String first = "http://127.0.0.1:" + port;
        registerSignOutAddress(first + "/console/login?logout");
        URI callback = signInAtTheProvider(location(get(first + "/oauth2/authorization/platform")), "cg-jianxi", "luoyang2026");
        assertThat(get(first + callback.getRawPath() + "?" + callback.getRawQuery()).statusCode()).isEqualTo(302);
        HttpResponse<String> inbox = get(first + "/console/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        // while the provider's session lives, a new sign-in there asks for nothing and comes straight back
        URI withoutPassword = location(get(location(get(first + "/oauth2/authorization/platform")).toString()));
        assertThat(withoutPassword.getPath()).isEqualTo("/login/oauth2/code/platform");

        Matcher csrf = CSRF.matcher(inbox.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(URI.create(first + "/console/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        URI endSession = location(signedOut);
        assertThat(endSession.toString()).startsWith(issuer + "/connect/logout?").contains("id_token_hint=")
                .contains("post_logout_redirect_uri=" + first + "/console/login?logout");
        URI back = location(get(endSession.toString()));
        assertThat(back.toString()).isEqualTo(first + "/console/login?logout");
        assertThat(get(first + "/console/inbox").statusCode()).as("signed out of the console").isEqualTo(302);

        URI authorize = location(get(first + "/oauth2/authorization/platform"));
        URI next = location(get(authorize.toString()));
        assertThat(next.toString()).as("signed out at the provider: the password is asked again").isEqualTo(issuer + "/login");
    }

    /**
     * What {@code IDENTITY_CONSOLE_POST_LOGOUT_REDIRECT_URIS} does for a console at a known address: the
     * provider matches the address after sign-out exactly, and this console's port is only known now.
     */
    private static void registerSignOutAddress(String uri) {
        RegisteredClientRepository clients = identity.getBean(RegisteredClientRepository.class);
        RegisteredClient console = clients.findByClientId("console");
        ((InMemoryRegisteredClientRepository) clients).save(RegisteredClient.from(console).postLogoutRedirectUri(uri).build());
    }

    /** The provider's sign-in form, as a browser fills it; the redirect back to the console, or null if refused. */
    private URI signInAtTheProvider(URI authorize, String username, String password) throws Exception {
        URI login = location(get(authorize.toString()));
        Matcher csrf = CSRF.matcher(get(login.toString()).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        URI next = location(posted);
        if (next.getQuery() != null && next.getQuery().contains("error")) {
            return null;
        }
        return location(get(next.toString()));
    }

    private URI location(HttpResponse<String> response) {
        String to = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return URI.create(issuer).resolve(to);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
