package cn.luoyang.pollution.enforcement.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.security.Callers;
import cn.luoyang.pollution.testing.OnePartition;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import cn.luoyang.pollution.testing.security.AccessCheck;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The callback worklist page (回访工单) for a hotline operator, over real HTTP, the whole
 * enforcement-service and its session store in the embedded MongoDB. notification-service is not
 * running here: its {@code /api/callbacks} endpoints are stubbed with WireMock, and the test checks
 * that the console calls them with its service account on behalf of the signed-in operator, that the
 * number is shown only in the answer to the reveal (never cached, never in the session), and that
 * people other than operators and administrators do not reach the page. And what a callback ends in, read back from
 * {@code reporters.callbacks} over the broker in batches for the statistics.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class CallbacksPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final String NUMBER = "0379-63211234";
    private static final String SERVICE_ACCOUNT = AccessCheck.basicFor("SERVICE");

    static final WireMockServer notification = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        notification.start();
    }

    @DynamicPropertySource
    static void notificationService(DynamicPropertyRegistry registry) {
        registry.add("console.notification-base-url", notification::baseUrl);
    }

    @AfterAll
    static void stopNotification() {
        notification.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventPublisher publisher;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void anOperatorListsTakesRevealsAndRecordsInTheirOwnNameAndTheNumberIsOnlyInTheRevealsAnswer() {
        notification.stubFor(get(urlPathEqualTo("/api/callbacks")).willReturn(okJson("""
                [{"id":"t-1","complaintId":"c-1","trackingNumber":"LY20261206-000001","milestone":"REGISTERED",
                  "maskedPhone":"0379-****1234","script":"您反映的环境问题已受理","why":"not-sms-reachable: landline",
                  "state":"OPEN","tries":0}]""")));
        notification.stubFor(get(urlPathEqualTo("/api/callbacks/mine")).willReturn(okJson("""
                [{"id":"t-2","complaintId":"c-2","caseId":"CASE-2","trackingNumber":"LY20261206-000002","milestone":"CLOSED",
                  "maskedPhone":"0379-****1234","script":"您反映的问题已办结。请评价：1满意，2基本满意，3不满意",
                  "why":"not-sms-reachable: landline","state":"TAKEN","tries":0,"takenBy":"operator"}]""")));
        notification.stubFor(post(urlEqualTo("/api/callbacks/t-1/take")).willReturn(okJson("""
                {"id":"t-1","trackingNumber":"LY20261206-000001","state":"TAKEN","takenBy":"operator"}""")));
        notification.stubFor(post(urlEqualTo("/api/callbacks/t-2/reveal")).willReturn(okJson("""
                {"taskId":"t-2","phone":"%s"}""".formatted(NUMBER)).withHeader("Cache-Control", "no-store")));
        notification.stubFor(post(urlEqualTo("/api/callbacks/t-9/reveal")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"not-your-task\",\"detail\":\"task t-9 is held by another operator\"}")));
        notification.stubFor(post(urlEqualTo("/api/callbacks/t-2/outcome")).willReturn(okJson("""
                {"id":"t-2","trackingNumber":"LY20261206-000002","state":"ANSWERED"}""")));
        Browser operator = new Browser("operator");

        HttpResponse<String> home = operator.get("/console");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/callbacks"));
        String page = operator.get("/console/callbacks").body();
        assertThat(page).contains("LY20261206-000001", "LY20261206-000002", "0379-****1234", "回访工单", "href=\"/console/callbacks\"")
                .doesNotContain(NUMBER);
        notification.verify(getRequestedFor(urlPathEqualTo("/api/callbacks"))
                .withHeader("Authorization", equalTo(SERVICE_ACCOUNT)).withHeader(Callers.ON_BEHALF_OF, equalTo("operator")));

        HttpResponse<String> taken = operator.post("/console/callbacks/t-1/take", "");
        assertThat(taken.statusCode()).isEqualTo(302);
        notification.verify(postRequestedFor(urlEqualTo("/api/callbacks/t-1/take"))
                .withHeader("Authorization", equalTo(SERVICE_ACCOUNT)).withHeader(Callers.ON_BEHALF_OF, equalTo("operator")));
        assertThat(operator.get("/console/callbacks").body()).contains("已领取");

        HttpResponse<String> revealed = operator.post("/console/callbacks/t-2/reveal", "");
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains(NUMBER);
        assertThat(revealed.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        notification.verify(postRequestedFor(urlEqualTo("/api/callbacks/t-2/reveal"))
                .withHeader(Callers.ON_BEHALF_OF, equalTo("operator")));
        assertThat(operator.get("/console/callbacks").body()).as("shown once, in the reveal's answer").doesNotContain(NUMBER);

        HttpResponse<String> notYours = operator.post("/console/callbacks/t-9/reveal", "");
        assertThat(notYours.body()).contains("403").contains("held by another operator").doesNotContain(NUMBER);

        assertThat(operator.post("/console/callbacks/t-2/outcome", "outcome=ANSWERED&rating=3&note=" + enc("回访满意度 3"))
                .statusCode()).isEqualTo(302);
        notification.verify(postRequestedFor(urlEqualTo("/api/callbacks/t-2/outcome"))
                .withHeader(Callers.ON_BEHALF_OF, equalTo("operator"))
                .withRequestBody(matchingJsonPath("$.outcome", equalTo("ANSWERED")))
                .withRequestBody(matchingJsonPath("$.rating", equalTo("3"))));

        for (String collection : mongo.getCollectionNames()) {
            for (Document d : mongo.getCollection(collection).find()) {
                assertThat(d.toJson()).as("collection %s", collection).doesNotContain("63211234");
            }
        }
    }

    @Test
    void aCaseHandlerDoesNotReachTheCallbackPage() {
        Browser handler = new Browser("cg-jianxi");
        assertThat(handler.get("/console/callbacks").statusCode()).isEqualTo(403);
        assertThat(handler.post("/console/callbacks/t-1/take", "").statusCode()).isEqualTo(403);
        assertThat(handler.get("/console/inbox").body()).doesNotContain("href=\"/console/callbacks\"");
        notification.verify(0, postRequestedFor(urlEqualTo("/api/callbacks/t-1/take"))
                .withHeader(Callers.ON_BEHALF_OF, equalTo("cg-jianxi")));
    }

    /**
     * What the callback page's work ends in reaches the statistics through {@code reporters.callbacks}, in batches: a
     * callback without an outcome between good ones, on one partition in one flush (so, as a rule, one poll), goes
     * alone to the dead letters with its reason; the others are kept, one of them twice in the batch kept once.
     */
    @Test
    void aCallbackWithoutAnOutcomeInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersAreKeptOnce() {
        Instant at = Instant.parse("2026-12-06T02:00:00Z");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (CallbackCompleted c : List.of(
                    new CallbackCompleted("cb-ev-1", "t-1", "CASE-1", "c-1", "CLOSED", CallbackOutcome.ANSWERED, 1, Satisfaction.SATISFIED, at, 1),
                    new CallbackCompleted("cb-ev-x", "t-x", "CASE-1", "c-x", "CLOSED", null, 1, null, at, 1),
                    new CallbackCompleted("cb-ev-2", "t-2", null, "c-2", "REGISTERED", CallbackOutcome.NOT_REACHED, 3, null, at, 1),
                    new CallbackCompleted("cb-ev-1", "t-1", "CASE-1", "c-1", "CLOSED", CallbackOutcome.ANSWERED, 1, Satisfaction.SATISFIED, at, 1))) {
                producer.send(OnePartition.record(Topics.REPORTERS_CALLBACKS, 0, publisher.toMessage(c)));
            }
            producer.flush();
        }

        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.REPORTERS_CALLBACKS))) {
            assertThat(dead.await(1, Duration.ofSeconds(30))).singleElement().satisfies(r -> {
                assertThat(TopicProbe.header(r, CloudEventHeaders.ID)).isEqualTo("cb-ev-x");
                assertThat(TopicProbe.header(r, CloudEventHeaders.DLT_REASON)).isEqualTo("invalid-callback");
            });
        }
        Eventually.until(() -> mongo.getCollection("callbacks").countDocuments(), n -> n == 2, Duration.ofSeconds(30));
        assertThat(mongo.getCollection("callbacks").find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("cb-ev-1", "cb-ev-2");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A signed-in person's browser: a cookie jar, the CSRF token of the last page. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        Browser(String user) {
            csrfOf(get("/console/login").body());
            HttpResponse<String> in = send(HttpRequest.newBuilder(uri("/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=luoyang2026&_csrf=" + enc(csrf))));
            assertThat(in.statusCode()).as("signed in").isEqualTo(302);
            csrfOf(get("/console/login").body());
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
            csrfOf(answer.body());
            return answer;
        }

        HttpResponse<String> post(String path, String form) {
            String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(csrf);
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private void csrfOf(String html) {
            Matcher token = CSRF.matcher(html);
            if (token.find()) {
                csrf = token.group(1) != null ? token.group(1) : token.group(2);
            }
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
