package cn.luoyang.pollution.enforcement.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.enforcement.ApiClient;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.Registrations;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * 有奖举报 over a real broker, Mongo and HTTP: a penalised case whose reporter asked for a reward opens
 * one claim (also when the closure is delivered again), announced once with an 8-digit code of which
 * only a hash is stored; the holder of the tracking number and code sees the claim without signing in
 * (a wrong code 403); an unfounded case opens none; the campaign office decides and pays it, and
 * nobody else reaches the desk. A reporter given a code at filing (no phone) claims with it; that claim is not
 * announced. The monthly publication's HTTP answers ride along (one context).
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0",
        "enforcement.rewards.code-secret=reward-api-test-secret"})
class RewardApiTest {

    private static final String H = "{\"evidence\":[\"record.pdf\"],\"note\":\"现场核查\"}";

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void aSubstantiatedClosureOpensOneClaimTheOfficeDecidesAndPays() {
        ApiClient api = new ApiClient(port);
        String caseId = "CASE-LY20261130-000501";
        String complaintId = "cmp-" + caseId;
        openCase(caseId);
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/accept", "{}").status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/inspection", H).status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/penalty",
                "{\"kind\":\"FINE\",\"amountYuan\":20000,\"decisionNumber\":\"洛涧城管罚〔2026〕12号\",\"evidence\":[\"decision.pdf\"]}")
                .status()).isEqualTo(200);
        close(api, caseId);

        ApiClient.Response list = Eventually.until(() -> api.get("campaign", "/api/rewards?state=OPEN"),
                r -> r.body().contains(complaintId), Duration.ofSeconds(30));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("codeHash").doesNotContain(Registrations.MASKED_CONTACT);

        String code;
        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> opened = Eventually.until(() -> openedOf(lifecycle, caseId),
                    r -> !r.isEmpty(), Duration.ofSeconds(30));
            assertThat(opened).hasSize(1);
            String json = new String(opened.get(0).value(), StandardCharsets.UTF_8);
            code = json.replaceAll("(?s).*\"claimCode\"\\s*:\\s*\"(\\d{8})\".*", "$1");
            assertThat(code).matches("\\d{8}");
            String firstId = TopicProbe.header(opened.get(0), CloudEventHeaders.ID);

            // the closure delivered again: still one claim, announced again under the same event id with the same code
            publisher.publish(Topics.CASES_LIFECYCLE, new CaseClosed("redelivered-" + caseId, caseId, null, "答复",
                    List.of(complaintId), null, Instant.now(), CaseClosed.VERSION));
            List<ConsumerRecord<String, byte[]>> again = Eventually.until(() -> openedOf(lifecycle, caseId),
                    r -> r.size() >= 2, Duration.ofSeconds(30));
            assertThat(again).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID)).containsOnly(firstId);
            assertThat(new String(again.get(1).value(), StandardCharsets.UTF_8)).contains(code);
        }
        assertThat(mongo.getCollection("reward_claims").countDocuments(new Document("caseId", caseId))).isEqualTo(1);
        Document stored = mongo.getCollection("reward_claims").find(new Document("_id", complaintId)).first();
        assertThat(stored.toJson()).doesNotContain(code);
        assertThat(stored.getString("codeHash")).isEqualTo(ClaimCodes.hash(complaintId, code));

        // 凭码领奖: anyone with the tracking number and the code, signed in or not; a wrong code is refused
        String trackingNumber = "LY-" + complaintId;
        ApiClient.Response claimed = api.post(null, "/api/public/rewards/claim",
                "{\"trackingNumber\":\"" + trackingNumber + "\",\"claimCode\":\"" + code + "\"}");
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().get("state").asString()).isEqualTo("OPEN");
        assertThat(claimed.body()).doesNotContain("claimId").doesNotContain("caseId").doesNotContain("codeHash")
                .doesNotContain(Registrations.MASKED_CONTACT);
        String wrongCode = code.equals("00000000") ? "00000001" : "00000000";
        ApiClient.Response wrong = api.post(null, "/api/public/rewards/claim",
                "{\"trackingNumber\":\"" + trackingNumber + "\",\"claimCode\":\"" + wrongCode + "\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("reason").asString()).isEqualTo("wrong-claim-code");
        ApiClient.Response unknown = api.post(null, "/api/public/rewards/claim",
                "{\"trackingNumber\":\"LY-none\",\"claimCode\":\"" + code + "\"}");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.json().get("detail").asString()).isEqualTo(wrong.json().get("detail").asString());
        ApiClient.Response malformed = api.post(null, "/api/public/rewards/claim",
                "{\"trackingNumber\":\"" + trackingNumber + "\",\"claimCode\":\"12\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactly("claimCode");

        String claim = "/api/rewards/" + complaintId;
        ApiClient.Response view = api.get("campaign", claim);
        assertThat(view.json().get("severity").asString()).isEqualTo("PENALTY");
        assertThat(view.json().get("maxYuan").asInt()).isEqualTo(1000);

        ApiClient.Response noAmount = api.post("campaign", claim + "/approval", "{}");
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.json().get("errors").findValuesAsString("field")).containsExactly("amountYuan");
        ApiClient.Response tooMuch = api.post("campaign", claim + "/approval", "{\"amountYuan\":5000}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").findValuesAsString("field")).containsExactly("amountYuan");
        ApiClient.Response noReason = api.post("campaign", claim + "/refusal", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(api.post("campaign", claim + "/payment", "{\"reference\":\"TX-1\"}").status())
                .as("paid before approval").isEqualTo(409);

        ApiClient.Response approved = api.post("campaign", claim + "/approval", "{\"amountYuan\":500,\"note\":\"按标准\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("campaign");
        assertThat(api.post("campaign", claim + "/approval", "{\"amountYuan\":600}").status()).isEqualTo(409);
        assertThat(api.post("admin", claim + "/refusal", "{\"reason\":\"重复举报\"}").status()).isEqualTo(409);
        ApiClient.Response paid = api.post("campaign", claim + "/payment", "{\"reference\":\"ICBC-20261201-0042\"}");
        assertThat(paid.json().get("state").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("paymentReference").asString()).isEqualTo("ICBC-20261201-0042");
        ApiClient.Response paidSeen = api.post(null, "/api/public/rewards/claim",
                "{\"trackingNumber\":\"" + trackingNumber + "\",\"claimCode\":\"" + code + "\"}");
        assertThat(paidSeen.json().get("state").asString()).isEqualTo("PAID");
        assertThat(paidSeen.json().get("amountYuan").asInt()).isEqualTo(500);
        assertThat(paidSeen.body()).doesNotContain("ICBC-20261201-0042").doesNotContain("\"campaign\"");
        ApiClient.Response statistics = api.get("admin", "/api/rewards/statistics");
        assertThat(statistics.status()).isEqualTo(200);
        var row = statistics.json().get(0);
        assertThat(row.get("category").asString()).isEqualTo("AIR_CONSTRUCTION_DUST");
        assertThat(row.get("districtCode").asString()).isEqualTo("410305");
        assertThat(row.get("paid").asInt()).isEqualTo(1);
        assertThat(row.get("paidYuan").asInt()).isEqualTo(500);

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> decided = Eventually.until(() -> lifecycle.await(100, Duration.ofMillis(300))
                    .stream().filter(r -> caseId.equals(r.key()))
                    .filter(r -> "reward.claim-decided.v1".equals(TopicProbe.header(r, CloudEventHeaders.TYPE))).toList(),
                    r -> r.size() >= 2, Duration.ofSeconds(30));
            assertThat(decided).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .anySatisfy(j -> assertThat(j).contains("\"APPROVED\"", "500"))
                    .anySatisfy(j -> assertThat(j).contains("\"PAID\""));
        }
    }

    @Test
    void aReporterGivenACodeAtFilingClaimsWithItAndTheClaimIsNotAnnounced() {
        ApiClient api = new ApiClient(port);
        String caseId = "CASE-LY20261130-000503";
        String complaintId = "cmp-" + caseId;
        String code = "048213907766";
        String hash = ClaimCodeHash.of(code, new SecureRandom());
        openCase(caseId, Registrations.anonymousAskingReward(complaintId, Instant.now(), hash));
        Document account = mongo.getCollection("reporter_accounts").find(new Document("_id", complaintId)).first();
        assertThat(account.getString("claimCodeHash")).isEqualTo(hash);
        assertThat(api.get("cg-jianxi", "/api/cases/" + caseId + "/reports").body())
                .as("the handler's view of the report").doesNotContain(hash).doesNotContain("claimCodeHash");
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/accept", "{}").status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/inspection", H).status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/penalty",
                "{\"kind\":\"FINE\",\"amountYuan\":5000,\"decisionNumber\":\"洛涧城管罚〔2026〕13号\",\"evidence\":[\"decision.pdf\"]}")
                .status()).isEqualTo(200);
        close(api, caseId);

        ApiClient.Response list = Eventually.until(() -> api.get("campaign", "/api/rewards?state=OPEN"),
                r -> r.body().contains(complaintId), Duration.ofSeconds(30));
        assertThat(list.body()).doesNotContain(hash);
        Document stored = mongo.getCollection("reward_claims").find(new Document("_id", complaintId)).first();
        assertThat(stored.getString("codeHash")).isEqualTo(hash);
        assertThat(stored.toJson()).doesNotContain(code);
        assertThat(api.get("campaign", "/api/rewards/" + complaintId).json().get("codeGivenAtFiling").asBoolean()).isTrue();

        String trackingNumber = "LY-" + complaintId;
        ApiClient.Response claimed = api.post(null, "/api/public/rewards/claim",
                "{\"trackingNumber\":\"" + trackingNumber + "\",\"claimCode\":\"0482 1390 7766\"}");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("state").asString()).isEqualTo("OPEN");
        assertThat(claimed.json().get("collect").asString()).doesNotContain("SMS");
        ApiClient.Response wrong = api.post(null, "/api/public/rewards/claim",
                "{\"trackingNumber\":\"" + trackingNumber + "\",\"claimCode\":\"048213907767\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("reason").asString()).isEqualTo("wrong-claim-code");

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            // no phone to text: the opened claim is not announced (there is no code to send either)
            assertThat(openedOf(lifecycle, caseId)).isEmpty();
            lifecycle.await(1000, Duration.ofSeconds(3));
            assertThat(openedOf(lifecycle, caseId)).isEmpty();
        }
    }

    @Test
    void anUnfoundedClosureOpensNoClaimAndOnlyTheOfficeReachesTheDesk() {
        ApiClient api = new ApiClient(port);
        String caseId = "CASE-LY20261130-000502";
        openCase(caseId);
        api.post("cg-jianxi", "/api/cases/" + caseId + "/accept", "{}");
        api.post("cg-jianxi", "/api/cases/" + caseId + "/inspection", H);
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/unfounded", H).status()).isEqualTo(200);
        close(api, caseId);
        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            Eventually.until(() -> lifecycle.await(100, Duration.ofMillis(300)).stream().filter(r -> caseId.equals(r.key()))
                    .filter(r -> "case.closed.v1".equals(TopicProbe.header(r, CloudEventHeaders.TYPE))).toList(),
                    r -> !r.isEmpty(), Duration.ofSeconds(30));
            // the closure was published; give the reward consumer time to act on it (it must not)
            assertThat(openedOf(lifecycle, caseId)).isEmpty();
            lifecycle.await(1000, Duration.ofSeconds(3));
            assertThat(openedOf(lifecycle, caseId)).isEmpty();
        }
        assertThat(mongo.getCollection("reward_claims").countDocuments(new Document("caseId", caseId))).isZero();

        for (String user : List.of("cg-jianxi", "supervisor", "discipline", "grid-jianxi")) {
            assertThat(api.get(user, "/api/rewards").status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/rewards/cmp-x/approval", "{\"amountYuan\":100}").status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("admin", "/api/rewards/no-such-claim").status()).isEqualTo(404);
        assertThat(api.get("campaign", "/api/rewards/rules").body()).contains("SOIL_HAZARDOUS_WASTE", "MAJOR_PENALTY");

        // the monthly publication over HTTP (its figures: statistics/MonthlyPublicationTest)
        ApiClient.Response monthly = api.get("supervisor", "/api/statistics/monthly?month=2026-11");
        assertThat(monthly.status()).isEqualTo(200);
        assertThat(monthly.json().get("month").asString()).isEqualTo("2026-11");
        assertThat(monthly.json().has("townships")).isTrue();
        ApiClient.Response monthlyCsv = api.get("campaign", "/api/statistics/monthly.csv?month=2026-11");
        assertThat(monthlyCsv.status()).isEqualTo(200);
        assertThat(monthlyCsv.body()).startsWith("month,level,key,received");
        assertThat(api.get("campaign", "/api/statistics/monthly?month=2026-11", "text/csv").body()).startsWith("month,level,");
        ApiClient.Response badMonth = api.get("campaign", "/api/statistics/monthly?month=2026-13");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("errors").findValuesAsString("field")).containsExactly("month");
        assertThat(api.get("cg-jianxi", "/api/statistics/monthly").status()).isEqualTo(403);
    }

    private void openCase(String caseId) {
        openCase(caseId, Registrations.askingReward("cmp-" + caseId, Instant.now()));
    }

    private void openCase(String caseId, ComplaintRegistered registration) {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, registration);
        Eventually.until(() -> mongo.getCollection("reporter_accounts").countDocuments(new Document("_id", "cmp-" + caseId)),
                n -> n == 1, Duration.ofSeconds(30));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        Eventually.until(() -> mongo.getCollection("cases").countDocuments(new Document("_id", caseId)),
                n -> n == 1, Duration.ofSeconds(30));
    }

    private static void close(ApiClient api, String caseId) {
        assertThat(api.post("cg-jianxi", "/api/cases/" + caseId + "/close", "{\"reply\":\"经核查已依法处理。\",\"inspectionRecord\":"
                + "{\"number\":\"洛城管勘〔2026〕9号\",\"signedBy\":\"cg-jianxi\",\"signedAt\":\"" + Instant.now() + "\","
                + "\"findings\":\"违法事实属实\"}}").status()).isEqualTo(200);
        assertThat(api.post("cg-jianxi-2", "/api/cases/" + caseId + "/closure-decision", "{\"approve\":true}").status())
                .isEqualTo(200);
    }

    private static List<ConsumerRecord<String, byte[]>> openedOf(TopicProbe lifecycle, String caseId) {
        return lifecycle.await(1000, Duration.ofMillis(300)).stream().filter(r -> caseId.equals(r.key()))
                .filter(r -> "reward.claim-opened.v1".equals(TopicProbe.header(r, CloudEventHeaders.TYPE))).toList();
    }
}
