package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.TopicProbe;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 有奖举报 without a phone: the filing's answer gives the filer a claim code once; the complaint and its
 * {@code complaint.registered.v1} hold only the code's slow salted hash, and a retry's answer has no code.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClaimCodeAtFilingTest extends ServiceHarness {

    private static final String ANONYMOUS_REWARD = """
            {"category":"AIR_CONSTRUCTION_DUST","description":"工地夜间未覆盖, 扬尘很大","addressText":"洛阳市涧西区中州西路",
             "reporter":{"anonymous":true},"channel":"WEB","rewardRequested":true}
            """;

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Autowired
    MongoTemplate mongo;

    @Test
    void anAnonymousReportAskingForARewardIsAnsweredWithACodeThatOnlyItsHashFollows(CapturedOutput logs) {
        HttpResponse<String> answer = postJson("/api/complaints", ANONYMOUS_REWARD, Map.of("Idempotency-Key", "web-claim-code-1"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = json.readTree(answer.body());
        String code = body.get("claimCode").stringValue();
        assertThat(code).matches("\\d{12}");
        String complaintId = body.get("complaintId").stringValue();

        Document stored = mongo.findById(complaintId, Document.class, "complaints");
        assertThat(ClaimCodeHash.matches(code, stored.getString("claimCodeHash"))).isTrue();
        assertThat(stored.toJson()).doesNotContain(code);

        ConsumerRecord<String, byte[]> record = registeredRecord(complaintId);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(code);
        ComplaintRegistered event = (ComplaintRegistered) codec.decode("complaint.registered.v1", record.value());
        assertThat(ClaimCodeHash.matches(code, event.claimCodeHash())).isTrue();
        assertThat(event.claimCodeHash()).isEqualTo(stored.getString("claimCodeHash"));

        HttpResponse<String> retry = postJson("/api/complaints", ANONYMOUS_REWARD, Map.of("Idempotency-Key", "web-claim-code-1"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).has("claimCode")).as("the code is not kept, so it is answered once").isFalse();
        assertThat(logs.getAll()).doesNotContain(code);
    }

    @Test
    void aReporterWithAPhoneIsGivenNoCodeAtFilingAndTheEventNoHash() {
        HttpResponse<String> answer = postJson("/api/complaints", ANONYMOUS_REWARD.replace("{\"anonymous\":true}",
                "{\"anonymous\":false,\"phone\":\"13812340007\"}"), Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.has("claimCode")).isFalse();
        String complaintId = body.get("complaintId").stringValue();
        assertThat(mongo.findById(complaintId, Document.class, "complaints").containsKey("claimCodeHash")).isFalse();
        ComplaintRegistered event = (ComplaintRegistered) codec.decode("complaint.registered.v1", registeredRecord(complaintId).value());
        assertThat(event.rewardRequested()).isTrue();
        assertThat(event.claimCodeHash()).isNull();
    }

    @Test
    void anAnonymousReportNotAskingForARewardIsGivenNoCode() {
        HttpResponse<String> answer = postJson("/api/complaints", ANONYMOUS_REWARD.replace("\"rewardRequested\":true",
                "\"rewardRequested\":false"), Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(json.readTree(answer.body()).has("claimCode")).isFalse();
    }

    @Test
    void anOpen311RequestAskingForARewardWithoutAPhoneHasTheCodeInItsServiceNotice() {
        String form = "api_key=demo-open311-key&service_code=AIR_OPEN_BBQ&address_string="
                + URLEncoder.encode("洛阳市西工区", StandardCharsets.UTF_8) + "&description="
                + URLEncoder.encode("夜市露天烧烤, 烟很大", StandardCharsets.UTF_8) + "&attribute%5Breward_requested%5D=true";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode created = json.readTree(answer.body()).get(0);
        Matcher code = Pattern.compile("领奖码 (\\d{12})").matcher(created.get("service_notice").stringValue());
        assertThat(code.find()).as(created.toString()).isTrue();
        Document stored = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("trackingNumber")
                        .is(created.get("service_request_id").stringValue())), Document.class, "complaints");
        assertThat(ClaimCodeHash.matches(code.group(1), stored.getString("claimCodeHash"))).isTrue();
        assertThat(stored.toJson()).doesNotContain(code.group(1));
    }

    private ConsumerRecord<String, byte[]> registeredRecord(String complaintId) {
        try (TopicProbe probe = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                List<ConsumerRecord<String, byte[]>> mine = probe.await(Integer.MAX_VALUE, Duration.ofMillis(1500)).stream()
                        .filter(r -> complaintId.equals(r.key())).toList();
                if (!mine.isEmpty()) {
                    return mine.get(0);
                }
            }
            throw new AssertionError("no complaint.registered.v1 for " + complaintId);
        }
    }
}
