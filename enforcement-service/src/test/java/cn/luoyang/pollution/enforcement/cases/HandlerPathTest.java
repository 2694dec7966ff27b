package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.enforcement.ApiClient;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The thin path end to end over a real broker and Mongo: dispatch publishes a case, a handler of the
 * lead unit finds it in the inbox, accepts and closes it over HTTP, and the lifecycle events go out.
 */
@ServiceTest
class HandlerPathTest {

    @Autowired
    EventPublisher publisher;
    @Autowired
    Cases cases;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void dispatchedCaseIsAcceptedAndClosedByTheLeadUnitAndLifecycleEventsArePublished() {
        ApiClient api = new ApiClient(port);
        String caseId = "CASE-LY20261127-000001";
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305")); // redelivery
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.merged(caseId, "cmp-second-reporter"));

        Eventually.until(() -> cases.find(caseId).map(c -> c.complaintIds().size()).orElse(0), n -> n == 2, Duration.ofSeconds(30));
        ApiClient.Response inbox = api.get("cg-jianxi", "/api/cases/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().findValuesAsString("caseId")).contains(caseId);
        assertThat(api.get("sthj-jianxi", "/api/cases/inbox").json().findValuesAsString("caseId")).doesNotContain(caseId);

        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/accept", "{\"note\":\"签收\"}").status()).isEqualTo(200);
        ApiClient.Response closed = api.post("cg-jianxi", "/api/cases/" + caseId + "/close",
                "{\"reply\":\"工地已覆盖裸土并洒水降尘。\",\"evidence\":[\"inspection-record-001.pdf\",\"photo-001.jpg\"]}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("timeline").findValuesAsString("action"))
                .containsExactly("DISPATCHED", "COMPLAINT_MERGED", "ACCEPTED", "CLOSED");

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> records = lifecycle.await(2, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                    .containsExactly("case.accepted.v1", "case.closed.v1");
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(caseId);
            String closedJson = new String(records.get(1).value(), StandardCharsets.UTF_8);
            assertThat(closedJson).contains("cmp-" + caseId, "cmp-second-reporter", "工地已覆盖裸土并洒水降尘。");
        }
        Case stored = cases.find(caseId).orElseThrow();
        assertThat(stored.history().entries()).hasSize(4);
        assertThat(stored.history().verify()).isTrue();
    }

    @Test
    void handlerOfAnotherUnitIsRefusedAndBadInputGetsFieldMessages() {
        ApiClient api = new ApiClient(port);
        String caseId = "CASE-LY20261127-000002";
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        Eventually.until(() -> cases.find(caseId).isPresent(), ok -> ok, Duration.ofSeconds(30));

        assertThat(api.get("cg-laocheng", "/api/cases/" + caseId).status()).isEqualTo(403);
        assertThat(api.post("cg-laocheng", "/api/cases/" + caseId + "/accept", null).status()).isEqualTo(403);
        assertThat(api.get(null, "/api/cases/" + caseId).status()).isEqualTo(401);
        assertThat(api.get("campaign", "/api/cases/" + caseId).status()).isEqualTo(200);

        ApiClient.Response bad = api.post("cg-jianxi", "/api/cases/" + caseId + "/return", "{\"reason\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fields").findValuesAsString("field")).contains("reasonCode", "reason");
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/close", "{\"reply\":\"done\"}").status())
                .as("closing before signing for is not allowed").isEqualTo(409);
    }
}
