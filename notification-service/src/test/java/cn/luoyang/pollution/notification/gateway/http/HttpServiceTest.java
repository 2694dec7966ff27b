package cn.luoyang.pollution.notification.gateway.http;

import static cn.luoyang.pollution.testing.security.AccessCheck.Row.only;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.fixtures.Await;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import cn.luoyang.pollution.testing.security.AccessCheck;
import cn.luoyang.pollution.testing.security.ActuatorCheck;
import cn.luoyang.pollution.testing.security.AccessCheck.Row;
import cn.luoyang.pollution.testing.security.EndpointCoverage;
import cn.luoyang.pollution.kit.security.CallbackSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The HTTP gateway against a WireMock stand-in for a cloud SMS API, with the provider's callbacks
 * posted to this service; and the units' webhooks against the same stub server.
 */
@ServiceTest
@TestPropertySource(properties = {
        "notification.gateway=http",
        "notification.http.api-key=test-key",
        "notification.http.callback-secret=cb-secret",
        "notification.units.signing-secret=unit-secret",
        "notification.quiet-hours.enabled=false",
        "notification.caps.enabled=false",
        "notification.sending.poll-interval=100ms",
        "notification.sending.retry-initial=100ms",
        "notification.sending.retry-max=500ms",
        "notification.resilience.retry-initial=20ms",
        "notification.units.retry-initial=100ms",
        "notification.units.retry-max=300ms",
        "reporter-contact.keys-dir=target/test-keys/http"})
class HttpServiceTest {

    /** Who owns each endpoint: SMS records for hotline operators and administrators; callbacks prove themselves. */
    static final List<Row> OWNERS = List.of(
            Row.open("POST", "/api/sms/http/delivery-reports"),
            Row.open("POST", "/api/sms/http/replies"),
            only("GET", "/api/sms?complaintId=none", "OPERATOR", "ADMIN"),
            only("GET", "/api/sms/outcome-unknown", "OPERATOR", "ADMIN"),
            only("GET", "/api/callbacks", "OPERATOR", "ADMIN", "SERVICE"),
            only("GET", "/api/callbacks/mine", "OPERATOR", "ADMIN", "SERVICE"),
            only("POST", "/api/callbacks/none/take", "OPERATOR", "ADMIN", "SERVICE"),
            only("POST", "/api/callbacks/none/reveal", "OPERATOR", "ADMIN", "SERVICE"),
            only("POST", "/api/callbacks/none/outcome", "OPERATOR", "ADMIN", "SERVICE"),
            // escalations: the directory of the people escalations name
            only("GET", "/api/escalations/directory", "CAMPAIGN_OFFICE", "ADMIN"),
            only("POST", "/api/escalations/directory", "CAMPAIGN_OFFICE", "ADMIN"),
            only("POST", "/api/escalations/directory/import", "CAMPAIGN_OFFICE", "ADMIN"),
            only("DELETE", "/api/escalations/directory/none", "CAMPAIGN_OFFICE", "ADMIN"),
            only("GET", "/api/unmapped", "NOBODY"));

    /** The provider's side of the callback secret. */
    static final CallbackSignature PROVIDER_SIGNS = new CallbackSignature("cb-secret");

    @Autowired
    ApplicationContext context;
    @LocalManagementPort
    int managementPort;

    @Test
    void actuatorAnswersOnItsOwnPortOnly() {
        assertThat(ActuatorCheck.violations(port, managementPort)).isEmpty();
    }

    static final WireMockServer PROVIDER = startProvider();
    static final ContactSealer SEALER = ContactSealer.withPublicKeyset(
            ContactKeys.ensure(Path.of("target/test-keys/http")).publicKeyset());

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("notification.http.send-url", () -> PROVIDER.baseUrl() + "/sms/send");
        registry.add("notification.units.webhooks.ECOLOGY_ENVIRONMENT", () -> PROVIDER.baseUrl() + "/units/eco");
        registry.add("notification.units.webhooks.URBAN_MANAGEMENT", () -> PROVIDER.baseUrl() + "/units/urban");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Autowired
    EventPublisher publisher;
    @Autowired
    Messages messages;
    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sendsAJsonPostAndTheDeliveryReportCallbackMarksTheMessageDelivered() throws Exception {
        acceptFor("13822220001", "biz-1");
        register("h-1", "13822220001");

        Await.until(() -> state("h-1").filter(s -> s == MessageState.SENT).isPresent());
        PROVIDER.verify(1, postRequestedFor(urlEqualTo("/sms/send"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withHeader("Idempotency-Key", equalTo("h-1/REGISTERED/h-1"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo("13822220001")))
                .withRequestBody(matchingJsonPath("$.outId", equalTo("h-1/REGISTERED/h-1")))
                .withRequestBody(matchingJsonPath("$.signName", equalTo("洛阳生态环境"))));
        assertThat(messageFor("h-1", Milestone.REGISTERED).orElseThrow().gatewayMessageId()).isEqualTo("biz-1");

        HttpResponse<String> answer = callback("/api/sms/http/delivery-reports",
                "[{\"bizId\":\"biz-1\",\"status\":\"DELIVERED\",\"errCode\":\"DELIVERED\"}]");
        assertThat(answer.statusCode()).isEqualTo(200);
        Await.until(() -> state("h-1").filter(s -> s == MessageState.DELIVERED).isPresent());
    }

    @Test
    void aReplyCallbackAnswersTheSurvey() throws Exception {
        acceptFor("13822220002", "biz-2");
        register("h-2", "13822220002");
        publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched("CASE-h-2", "h-2", "LY-h-2", "ECOLOGY_ENVIRONMENT"));
        publisher.publish(Topics.CASES_LIFECYCLE, Events.closed("CASE-h-2", "已整改。", List.of("h-2")));
        Await.until(() -> messageFor("h-2", Milestone.CLOSED).filter(m -> m.state() == MessageState.SENT).isPresent());

        HttpResponse<String> answer = callback("/api/sms/http/replies",
                "[{\"phoneNumber\":\"+8613822220002\",\"content\":\"1\"}]");
        assertThat(answer.statusCode()).isEqualTo(200);

        try (TopicProbe feedback = new TopicProbe(brokers, Topics.REPORTERS_FEEDBACK)) {
            List<ConsumerRecord<String, byte[]>> records = feedback.await(1, Duration.ofSeconds(20));
            ReporterFeedbackReceived event = (ReporterFeedbackReceived) new EventCodec()
                    .decode("reporter.feedback-received.v1", records.get(0).value());
            assertThat(event.caseId()).isEqualTo("CASE-h-2");
            assertThat(event.rating()).isEqualTo(Satisfaction.SATISFIED);
        }
    }

    @Test
    void callbacksRefuseAForgedStaleOrReplayedSignatureAndNameTheBadField() throws Exception {
        String forgedReply = "[{\"phoneNumber\":\"13822220009\",\"content\":\"3\"}]";
        HttpResponse<String> forged = send("/api/sms/http/replies",
                new CallbackSignature("guessed").sign(bytes(forgedReply), Instant.now()), forgedReply);
        HttpResponse<String> unsigned = send("/api/sms/http/replies", null, forgedReply);
        HttpResponse<String> stale = send("/api/sms/http/replies",
                PROVIDER_SIGNS.sign(bytes(forgedReply), Instant.now().minus(Duration.ofMinutes(6))), forgedReply);
        String once = PROVIDER_SIGNS.sign(bytes("[]"), Instant.now());
        HttpResponse<String> first = send("/api/sms/http/delivery-reports", once, "[]");
        HttpResponse<String> replayed = send("/api/sms/http/delivery-reports", once, "[]");

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("\"reason\":\"callback-forged\"");
        assertThat(unsigned.body()).contains("\"reason\":\"callback-missing\"");
        assertThat(stale.body()).contains("\"reason\":\"callback-stale\"");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("\"reason\":\"callback-replayed\"");
        HttpResponse<String> bad = callback("/api/sms/http/delivery-reports", "[{\"bizId\":\"\",\"status\":\"MAYBE\"}]");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("[0].bizId").contains("[0].status");
    }

    @Test
    void everyEndpointAnswersOnlyItsOwners() {
        assertThat(new AccessCheck(port).violations(OWNERS)).isEmpty();
    }

    @Test
    void everyEndpointTheServiceMapsHasAnOwnerInThisTest() {
        assertThat(EndpointCoverage.unowned(context, OWNERS, "/error")).isEmpty();
    }

    @Test
    void aThrottledRequestIsSentAgainAndTheMessageGoesOnce() {
        PROVIDER.stubFor(post(urlEqualTo("/sms/send")).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo("13822220003")))
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        PROVIDER.stubFor(post(urlEqualTo("/sms/send")).inScenario("throttle")
                .whenScenarioStateIs("recovered")
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo("13822220003")))
                .willReturn(okJson("biz-3")));
        register("h-3", "13822220003");

        Await.until(() -> state("h-3").filter(s -> s == MessageState.SENT).isPresent());
        PROVIDER.verify(2, postRequestedFor(urlEqualTo("/sms/send"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo("13822220003"))));
        assertThat(messageFor("h-3", Milestone.REGISTERED).orElseThrow().gatewayMessageId()).isEqualTo("biz-3");
    }

    @Test
    void aNewCaseIsPostedToItsUnitsWebhookWithRetriesAndARedeliveryPostsNothingMore() {
        String key = "CASE-u-1/NEW_CASE/1/ECOLOGY_ENVIRONMENT";
        PROVIDER.stubFor(post(urlEqualTo("/units/eco")).inScenario("unit").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Idempotency-Key", equalTo(key))
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        PROVIDER.stubFor(post(urlEqualTo("/units/eco")).inScenario("unit").whenScenarioStateIs("up")
                .withHeader("Idempotency-Key", equalTo(key))
                .willReturn(aResponse().withStatus(204)));
        PROVIDER.stubFor(post(urlEqualTo("/units/urban")).willReturn(aResponse().withStatus(204)));
        CaseDispatched dispatched = Events.dispatched("CASE-u-1", "u-1", "LY-u-1", "ECOLOGY_ENVIRONMENT");
        publisher.publish(Topics.CASES_DISPATCHED, dispatched);

        Await.until(() -> unitPosts("/units/eco", key) == 2);
        PROVIDER.verify(postRequestedFor(urlEqualTo("/units/eco"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withHeader(CallbackSignature.HEADER, matching("t=\\d+,v1=[0-9a-f]{64}"))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("NEW_CASE")))
                .withRequestBody(matchingJsonPath("$.caseId", equalTo("CASE-u-1"))));

        // the redelivery, then an overdue notice behind it: once the overdue notice is posted, the
        // redelivered dispatch has been read (and stored nothing new) and the sweep has run past it
        publisher.publish(Topics.CASES_DISPATCHED, dispatched);
        publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched("CASE-u-2", "u-2", "LY-u-2", "URBAN_MANAGEMENT"));
        publisher.publish(Topics.CASES_LIFECYCLE, Events.overdue("CASE-u-2", "URBAN_MANAGEMENT"));
        Await.until(() -> PROVIDER.countRequestsMatching(postRequestedFor(urlEqualTo("/units/urban"))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("OVERDUE"))).build()).getCount() == 1);
        Await.until(() -> unitPosts("/units/urban", "CASE-u-2/NEW_CASE/1/URBAN_MANAGEMENT") == 1);
        assertThat(unitPosts("/units/eco", key)).isEqualTo(2);
        CallbackSignature units = new CallbackSignature("unit-secret");
        assertThat(PROVIDER.findAll(postRequestedFor(urlEqualTo("/units/eco")))).allSatisfy(posted ->
                assertThat(units.verify(posted.getHeader(CallbackSignature.HEADER), posted.getBody(), Instant.now(),
                        Duration.ofMinutes(5))).isEqualTo(CallbackSignature.Verdict.VALID));
    }

    private int unitPosts(String path, String key) {
        return PROVIDER.countRequestsMatching(postRequestedFor(urlEqualTo(path))
                .withHeader("Idempotency-Key", equalTo(key)).build()).getCount();
    }

    private void acceptFor(String phone, String bizId) {
        PROVIDER.stubFor(post(urlEqualTo("/sms/send"))
                .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(phone)))
                .willReturn(okJson(bizId)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String bizId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"OK\",\"bizId\":\"" + bizId + "\"}");
    }

    /** A callback signed as the provider signs it, now. */
    private HttpResponse<String> callback(String path, String body) throws Exception {
        return send(path, PROVIDER_SIGNS.sign(bytes(body), Instant.now()), body);
    }

    private HttpResponse<String> send(String path, String signature, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json");
        if (signature != null) {
            request.header(CallbackSignature.HEADER, signature);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private void register(String complaintId, String phone) {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered(complaintId, "LY-" + complaintId, phone, SEALER));
    }

    private Optional<SmsMessage> messageFor(String complaintId, Milestone milestone) {
        return messages.forComplaint(complaintId).stream().filter(m -> m.milestone() == milestone).findFirst();
    }

    private Optional<MessageState> state(String complaintId) {
        return messageFor(complaintId, Milestone.REGISTERED).map(SmsMessage::state);
    }

    private static WireMockServer startProvider() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
