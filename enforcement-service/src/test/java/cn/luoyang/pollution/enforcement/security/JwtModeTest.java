package cn.luoyang.pollution.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.testing.ServiceTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code platform.security.mode=jwt}: the API is an OAuth2 resource server; the officer comes
 * from the token's claims (sub, role, department, territory), and scoping works as with local users.
 */
@ServiceTest
@TestPropertySource(properties = {"platform.security.mode=jwt", "enforcement.scheduling.enabled=false",
        // the console's sign-in needs an issuer; this test never signs in there (nothing is fetched from it)
        "platform.security.console-client.issuer-uri=http://127.0.0.1:9/unused"})
class JwtModeTest {

    static final KeyPair KEYS = keys();

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @Autowired
    Cases cases;
    @Autowired
    ClockRules rules;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    @Test
    void officerFromTheTokenActsWithinItsUnitOnly() throws Exception {
        String caseId = "CASE-LY20261127-000900";
        cases.save(Case.open(Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"), clock.instant(), rules));
        String jianxi = token("oidc-user-17", "HANDLER", "URBAN_MANAGEMENT", "410305");
        String laocheng = token("oidc-user-18", "HANDLER", "URBAN_MANAGEMENT", "410302");

        assertThat(call("GET", "/api/cases/" + caseId, "Bearer " + laocheng)).isEqualTo(403);
        assertThat(call("GET", "/api/cases/" + caseId, null)).isEqualTo(401);
        assertThat(call("GET", "/api/cases/" + caseId, "Basic " + Base64.getEncoder().encodeToString("cg-jianxi:luoyang2026".getBytes())))
                .as("local users are off in jwt mode").isEqualTo(401);
        assertThat(call("GET", "/api/cases/" + caseId, "Bearer " + token("x", "HANDLER", "URBAN_MANAGEMENT", "410305", true)))
                .as("expired token").isEqualTo(401);
        assertThat(call("GET", "/api/cases/" + caseId, "Bearer " + token("x", "HANDLER", "URBAN_MANAGEMENT", "410305", false, "another-system")))
                .as("a token for another audience").isEqualTo(401);
        assertThat(call("POST", "/api/cases/" + caseId + "/accept", "Bearer " + jianxi)).isEqualTo(200);

        HistoryEntry accepted = cases.find(caseId).orElseThrow().history().entries().get(1);
        assertThat(accepted.actor().userId()).isEqualTo("oidc-user-17");
        assertThat(accepted.actor().unit()).isEqualTo("URBAN_MANAGEMENT@410305");
    }

    private int call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static String token(String subject, String role, String department, String territory) throws Exception {
        return token(subject, role, department, territory, false);
    }

    static String token(String subject, String role, String department, String territory, boolean expired) throws Exception {
        return token(subject, role, department, territory, expired, "luoyang-platform");
    }

    static String token(String subject, String role, String department, String territory, boolean expired,
            String audience) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("role", List.of(role)).audience(audience)
                .claim("department", department).claim("territory", territory).claim("name", "测试用户")
                .issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(expired ? now.minusSeconds(3600) : now.plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
