package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.testing.security.AccessCheck;
import cn.luoyang.pollution.testing.security.ActuatorCheck;
import cn.luoyang.pollution.testing.security.AccessCheck.Row;
import cn.luoyang.pollution.testing.security.EndpointCoverage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * complaint-service's public face: every endpoint open but the release to the public feed, nothing else, a tracking number locked
 * after too many wrong digits (the right ones included, and an unknown number alike), and a client
 * flooding intake slowed down with 429.
 */
@TestPropertySource(properties = {"complaints.public-surface.rate-limits.enabled=true",
        "complaints.public-surface.rate-limits.intake-per-minute=20",
        "complaints.public-surface.rate-limits.lookup-per-minute=1000"})
class PublicSurfaceTest extends ServiceHarness {

    /**
     * Everything complaint-service maps is for the public, except the campaign office's release of a
     * complaint's words to the public feed; nothing else is answered.
     */
    static final List<Row> OWNERS = List.of(
            Row.open("GET", "/mistyped/address"),
            Row.only("POST", "/internal/anything", "NOBODY"),
            Row.open("POST", "/api/complaints"),
            Row.open("GET", "/api/complaints/LY20261205-999999"),
            Row.open("POST", "/track"),
            Row.open("POST", "/track/rating"),
            Row.only("PUT", "/api/complaints/LY20261205-999999/publication", "CAMPAIGN_OFFICE", "ADMIN"),
            Row.open("POST", "/api/media"),
            Row.open("GET", "/api/media/none"),
            Row.open("GET", "/api/reporter-contact-key"),
            Row.open("GET", "/"),
            Row.open("GET", "/track"),
            Row.open("GET", "/open311/v2/services.json"),
            Row.open("GET", "/open311/v2/services/AIR_CONSTRUCTION_DUST.json"),
            Row.open("POST", "/open311/v2/requests.json"),
            Row.open("GET", "/open311/v2/requests.json"),
            Row.open("GET", "/open311/v2/requests/none.json"),
            Row.open("GET", "/open311/v2/servicerequestupdates.json"),
            Row.open("POST", "/open311/v2/servicerequestupdates.json"),
            Row.open("GET", "/v3/api-docs"),
            Row.open("GET", "/v3/api-docs.yaml"),
            Row.open("GET", "/v3/api-docs/swagger-config"),
            Row.open("GET", "/swagger-ui.html"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;
    @LocalManagementPort
    int managementPort;

    @Test
    void actuatorAnswersOnItsOwnPortOnly() {
        assertThat(ActuatorCheck.violations(port, managementPort)).isEmpty();
    }

    @Test
    void everyEndpointHasItsOwnerAndNothingElseIsAnswered() {
        assertThat(new AccessCheck(port).violations(OWNERS)).isEmpty();
    }

    @Test
    void everyEndpointTheServiceMapsHasARowInThisTest() {
        assertThat(EndpointCoverage.unowned(context, OWNERS, "/error")).isEmpty();
    }

    @Test
    void aTrackingNumberIsLockedAfterFiveWrongDigitsEvenForTheRightOnes() {
        HttpResponse<String> filed = postJson("/api/complaints", Reports.nativeReport("13812347777"), Map.of());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String tn = json.readTree(filed.body()).get("trackingNumber").stringValue();
        assertThat(lookup(tn, "7777").statusCode()).isEqualTo(200);

        List<Integer> wrong = new ArrayList<>();
        for (int guess = 0; guess < 5; guess++) {
            wrong.add(lookup(tn, "000" + guess).statusCode());
        }
        HttpResponse<String> right = lookup(tn, "7777");

        assertThat(wrong).containsOnly(404);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("\"reason\":\"locked\"");
        assertThat(lookupPage(tn, "7777").body()).contains("id=\"locked\"");
    }

    @Test
    void anUnknownTrackingNumberLocksJustLikeAKnownOne() {
        String unknown = "LY20261205-888888";
        for (int guess = 0; guess < 5; guess++) {
            assertThat(lookup(unknown, "100" + guess).statusCode()).isEqualTo(404);
        }

        assertThat(lookup(unknown, "1009").statusCode()).isEqualTo(429);
    }

    @Test
    void aClientFloodingIntakeIsToldToWaitWithAProblemAndRetryAfter() {
        HttpResponse<String> limited = null;
        for (int attempt = 0; attempt < 60 && limited == null; attempt++) {
            HttpResponse<String> answer = postJson("/api/complaints", "{}", Map.of());
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }

        assertThat(limited).as("no 429 within 60 rapid reports at 20 a minute").isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(limited.body()).contains("\"reason\":\"rate-limited\"");
        assertThat(new AccessCheck(managementPort).call(Row.open("GET", "/actuator/prometheus"), null).body()).contains("complaint_rate_limited_total{surface=\"intake\"");
    }
}
