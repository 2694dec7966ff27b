package cn.luoyang.pollution.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.identity.IdentityServer;
import cn.luoyang.pollution.identity.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * service-kit's jwt mode against the real identity-service on loopback: a service accepts the issuer's
 * tokens for the platform's audience and takes the role from the {@code role} claim and the name from
 * {@code preferred_username}; its calls to another service carry a client-credentials token of its own
 * service account, kept until it expires, and name the person they act for.
 */
class JwtModeAgainstTheIssuerTest {

    @TempDir
    static Path data;
    static IdentityServer issuer;
    static ConfigurableApplicationContext service;
    static String serviceUrl;

    @BeforeAll
    static void start() {
        issuer = IdentityServer.start(data);
        service = new SpringApplicationBuilder(AService.class).properties("spring.main.banner-mode=off").run(
                "--server.port=0", "--management.server.port=0", "--server.address=127.0.0.1", "--spring.application.name=a-service",
                "--platform.security.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=luoyang-platform",
                "--platform.security.service-account.username=svc-console",
                "--platform.security.service-account.password=console-service-2026");
        serviceUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        service.close();
        issuer.close();
    }

    @Test
    void aPersonsTokenFromTheIssuerIsAcceptedWithTheRoleFromItsClaim() throws Exception {
        String handler = new Tokens(issuer.issuer()).personAccessToken("zj-jianxi", "luoyang2026");

        HttpResponse<String> me = get("/api/me", "Bearer " + handler);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"zj-jianxi\"").contains("\"roles\":[\"HANDLER\"]");
        assertThat(get("/api/office", "Bearer " + handler).statusCode()).as("not the campaign office").isEqualTo(403);
        assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", "Basic " + java.util.Base64.getEncoder().encodeToString("zj-jianxi:luoyang2026".getBytes())).statusCode())
                .as("no local users in jwt mode").isEqualTo(401);
    }

    @Test
    void aTokenSignedBySomeoneElseIsRefused() throws Exception {
        String handler = new Tokens(issuer.issuer()).personAccessToken("campaign", "luoyang2026");
        String[] parts = handler.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(get("/api/office", "Bearer " + handler).statusCode()).isEqualTo(200);
        assertThat(get("/api/office", "Bearer " + forged).statusCode()).isEqualTo(401);
    }

    @Test
    void aCallToAnotherServiceCarriesTheServiceAccountsTokenKeptUntilItExpires() {
        RestClient client = RestClient.builder().baseUrl(serviceUrl)
                .requestInterceptor(service.getBean(ServiceAccountCalls.class).interceptor()).build();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("campaign", null, "ROLE_CAMPAIGN_OFFICE"));
        try {
            Map<?, ?> first = client.get().uri("/api/service").retrieve().body(Map.class);
            Map<?, ?> second = client.get().uri("/api/service").retrieve().body(Map.class);

            assertThat(first.get("name")).as("the person it acts for").isEqualTo("campaign");
            assertThat(first.get("account")).isEqualTo("svc-console");
            assertThat(first.get("tokenId")).as("one token for both calls").isNotNull().isEqualTo(second.get("tokenId"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A service of the platform in miniature: an access table and three endpoints. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"})
    @Import(Endpoints.class)
    static class AService {

        @Bean
        AccessTable accessTable() {
            return AccessTable.forPaths("/api/**")
                    .allow(HttpMethod.GET, "/api/me", Roles.OFFICERS)
                    .allow(HttpMethod.GET, "/api/office", Roles.CAMPAIGN_OFFICE)
                    .allow(HttpMethod.GET, "/api/service", Roles.SERVICE);
        }
    }

    @RestController
    static class Endpoints {

        @GetMapping("/api/me")
        Map<String, Object> me(Caller caller) {
            return Map.of("name", caller.name(), "roles", caller.roles());
        }

        @GetMapping("/api/office")
        Map<String, Object> office(Caller caller) {
            return Map.of("name", caller.name());
        }

        @GetMapping("/api/service")
        Map<String, Object> service(Caller caller, JwtAuthenticationToken token) {
            return Map.of("name", caller.name(), "account", caller.via(),
                    "tokenId", token.getToken().getId());
        }
    }
}
