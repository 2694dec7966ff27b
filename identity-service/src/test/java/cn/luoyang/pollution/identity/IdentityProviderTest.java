package cn.luoyang.pollution.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;

/**
 * The provider over real HTTP on loopback: a service client gets a token with client credentials, a
 * demo person signs in through the authorization-code flow with PKCE, and each token carries what the
 * services read (role, preferred_username, the unit, the platform's audience), signed with the key the
 * provider publishes.
 */
class IdentityProviderTest {

    @TempDir
    static Path data;
    static IdentityServer server;
    static Tokens tokens;

    @BeforeAll
    static void start() {
        server = IdentityServer.start(data);
        tokens = new Tokens(server.issuer());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void actuatorAnswersOnTheManagementPortOnly() throws Exception {
        String management = "http://127.0.0.1:" + server.context().getEnvironment().getProperty("local.management.port");
        assertThat(status(management + "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(management + "/actuator/info")).isEqualTo(200);
        assertThat(status(management + "/actuator/env")).isEqualTo(403);
        assertThat(status(server.issuer() + "/actuator/health")).isEqualTo(404);
        assertThat(status(server.issuer() + "/actuator/env")).isEqualTo(404);
    }

    private static int status(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theConsolesServiceAccountGetsAServiceTokenWithClientCredentials() throws Exception {
        HttpResponse<String> answer = tokens.clientCredentials("svc-console", "console-service-2026");

        assertThat(answer.statusCode()).isEqualTo(200);
        Jwt token = verified(Tokens.JSON.readTree(answer.body()).get("access_token").asString());
        assertThat(token.getClaimAsStringList("role")).containsExactly("SERVICE");
        assertThat(token.getClaimAsString("preferred_username")).isEqualTo("svc-console");
        assertThat(token.getAudience()).containsExactly("luoyang-platform");
        assertThat(token.getIssuer().toString()).isEqualTo(server.issuer());
        assertThat(token.getId()).as("jti, which tells two tokens apart").isNotBlank();
    }

    @Test
    void aWrongSecretOrAPublicClientGetsNoServiceToken() throws Exception {
        assertThat(tokens.clientCredentials("svc-console", "luoyang2026").statusCode()).isEqualTo(401);
        HttpResponse<String> publicClient = tokens.clientCredentials("cli", "");
        assertThat(publicClient.statusCode()).isBetween(400, 401);
        assertThat(publicClient.body()).doesNotContain("access_token");
    }

    @Test
    void aDemoHandlerSignsInWithTheAuthorizationCodeFlowAndPkce() throws Exception {
        String verifier = Tokens.verifier();
        String code = tokens.authorizationCode("cli", "http://127.0.0.1/callback", Tokens.challenge(verifier),
                "zj-jianxi", "luoyang2026");
        HttpResponse<String> answer = tokens.exchange("cli", code, "http://127.0.0.1/callback", verifier);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = Tokens.JSON.readTree(answer.body());
        Jwt access = verified(body.get("access_token").asString());
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo("zj-jianxi");
        assertThat(access.getClaimAsStringList("role")).containsExactly("HANDLER");
        assertThat(access.getClaimAsString("department")).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(access.getClaimAsString("territory")).isEqualTo("410305");
        assertThat(access.getClaimAsString("name")).isEqualTo("涧西区住房和城乡建设局 经办人 刘洋");
        assertThat(access.getAudience()).containsExactly("luoyang-platform");
        Jwt id = verified(body.get("id_token").asString());
        assertThat(id.getAudience()).as("an ID token is for its client").containsExactly("cli");
        assertThat(id.getClaimAsStringList("role")).containsExactly("HANDLER");
    }

    @Test
    void theProviderPublishesItsSignOutEndpointAndTheConsolesAddressesAfterIt() throws Exception {
        HttpResponse<String> discovery = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(Tokens.JSON.readTree(discovery.body()).get("end_session_endpoint").asString())
                .isEqualTo(server.issuer() + "/connect/logout");
        var console = server.context().getBean(RegisteredClientRepository.class).findByClientId("console");
        assertThat(console.getPostLogoutRedirectUris())
                .containsExactlyInAnyOrder("http://127.0.0.1:8083/console/login?logout", "http://localhost:8083/console/login?logout");
        assertThat(server.context().getBean(RegisteredClientRepository.class).findByClientId("cli").getPostLogoutRedirectUris()).isEmpty();
    }

    @Test
    void aGridMembersTokenNamesTheGrid() throws Exception {
        Jwt access = verified(tokens.personAccessToken("grid-jianxi", "luoyang2026"));

        assertThat(access.getClaimAsStringList("role")).containsExactly("GRID_MEMBER");
        assertThat(access.getClaimAsString("grid")).isEqualTo("410305-0017");
    }

    @Test
    void aCodeIsRefusedWithoutTheVerifierThatMadeItsChallenge() throws Exception {
        String code = tokens.authorizationCode("cli", "http://127.0.0.1/callback", Tokens.challenge(Tokens.verifier()),
                "campaign", "luoyang2026");

        HttpResponse<String> answer = tokens.exchange("cli", code, "http://127.0.0.1/callback", Tokens.verifier());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("invalid_grant");
    }

    @Test
    void aWrongPasswordGetsNoCode() throws Exception {
        assertThat(tokens.authorizationCode("cli", "http://127.0.0.1/callback", Tokens.challenge(Tokens.verifier()),
                "campaign", "wrong-password")).isNull();
    }

    @Test
    void theServiceAccountIsNoPerson() throws Exception {
        assertThat(tokens.authorizationCode("cli", "http://127.0.0.1/callback", Tokens.challenge(Tokens.verifier()),
                "svc-console", "console-service-2026")).isNull();
    }

    private static Jwt verified(String token) {
        return JwtDecoders.fromIssuerLocation(server.issuer()).decode(token);
    }
}
