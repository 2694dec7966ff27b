package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A complaint's public status through a whole case life, driven by the dispatch and case events
 * the other services publish: received → dispatched → (a co-reporter merged) → accepted →
 * closed with the reply → reopened, seen through the lookup API, the /track page and Open311.
 */
class TrackingTest extends ServiceHarness {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    EventPublisher publisher;

    @Test
    void statusFollowsTheCaseFromReceivedToClosedAndReopenedForEveryReporterOfTheCase() {
        JsonNode first = filed(Reports.nativeReport("13812340001"));
        JsonNode second = filed(Reports.nativeReport("13812340002").replace("工地夜间未覆盖", "同一工地, 尘土飞扬"));
        String tn = first.get("trackingNumber").stringValue();
        String tn2 = second.get("trackingNumber").stringValue();
        String caseId = "CASE-" + tn;
        Instant t0 = Instant.now();
        assertThat(status(tn, "0001")).isEqualTo("RECEIVED");
        JsonNode noCase = statusOf(tn, "0001").path("caseId");
        assertThat(noCase.isNull() || noCase.isMissingNode()).as("no case before dispatch").isTrue();

        publish(Topics.CASES_DISPATCHED, CaseEvents.dispatched(caseId, first.get("complaintId").stringValue(), tn, "HOUSING_CONSTRUCTION", 1, t0.plusSeconds(60)));
        awaitStatus(tn, "0001", "DISPATCHED");
        assertThat(statusOf(tn, "0001").get("department").stringValue()).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(statusOf(tn, "0001").get("departmentZh").stringValue()).isEqualTo("涧西区住房和城乡建设局");

        publish(Topics.CASES_DISPATCHED, CaseEvents.merged(caseId, second.get("complaintId").stringValue(), tn2, t0.plusSeconds(120)));
        awaitStatus(tn2, "0002", "MERGED");
        // the second reporter learns which case now handles their report (the first report's)
        assertThat(statusOf(tn2, "0002").get("caseId").stringValue()).isEqualTo(caseId);
        assertThat(statusOf(tn, "0001").get("caseId").stringValue()).isEqualTo(caseId);
        assertThat(statusOf(tn2, "0002").get("department").stringValue()).isEqualTo("HOUSING_CONSTRUCTION");

        var accepted = CaseEvents.accepted(caseId, "HOUSING_CONSTRUCTION", t0.plusSeconds(3600));
        publish(Topics.CASES_LIFECYCLE, accepted);
        publish(Topics.CASES_LIFECYCLE, accepted); // redelivered
        awaitStatus(tn, "0001", "ACCEPTED");
        awaitStatus(tn2, "0002", "ACCEPTED");

        publish(Topics.CASES_LIFECYCLE, CaseEvents.closed(caseId, "已责令工地覆盖裸土并安装喷淋, 复查合格。",
                List.of(first.get("complaintId").stringValue(), second.get("complaintId").stringValue()), t0.plusSeconds(86400)));
        awaitStatus(tn, "0001", "CLOSED");
        awaitStatus(tn2, "0002", "CLOSED");
        JsonNode closed = statusOf(tn, "0001");
        assertThat(closed.get("reply").stringValue()).isEqualTo("已责令工地覆盖裸土并安装喷淋, 复查合格。");
        assertThat(closed.get("history")).hasSize(4);
        assertThat(closed.toString()).doesNotContain("13812340001").doesNotContain("138****0001").doesNotContain("工地夜间未覆盖");

        JsonNode open311 = json.readTree(get("/open311/v2/requests/" + tn + ".json").body()).get(0);
        assertThat(open311.get("status").stringValue()).isEqualTo("closed");
        assertThat(open311.get("status_notes").stringValue()).contains("复查合格");
        assertThat(open311.get("agency_responsible").stringValue()).contains("住房和城乡建设局");

        String page = lookupPage(tn, "0001").body();
        assertThat(page).contains("已办结").contains("Closed with a reply").contains("复查合格").contains("住房和城乡建设局")
                .doesNotContain("http://").doesNotContain("https://");

        publish(Topics.CASES_LIFECYCLE, CaseEvents.reopened(caseId, t0.plusSeconds(2 * 86400)));
        awaitStatus(tn, "0001", "REOPENED");
        assertThat(statusOf(tn, "0001").get("reply").isNull()).isTrue();
        assertThat(json.readTree(get("/open311/v2/requests/" + tn + ".json").body()).get(0).get("status").stringValue()).isEqualTo("open");
    }

    @Test
    void anUnroutableComplaintWaitsForManualDispatchAndAnAnonymousOneNeedsNoDigits() {
        JsonNode anonymous = filed(Reports.anonymousReport());
        String tn = anonymous.get("trackingNumber").stringValue();

        publish(Topics.CASES_DISPATCHED, CaseEvents.failed(anonymous.get("complaintId").stringValue(), tn, Instant.now()));
        awaitStatus(tn, null, "AWAITING_MANUAL_DISPATCH");
        publish(Topics.CASES_DISPATCHED, CaseEvents.dispatched("CASE-" + tn, anonymous.get("complaintId").stringValue(), tn,
                "PUBLIC_SECURITY", 1, Instant.now().plusSeconds(60)));
        awaitStatus(tn, null, "DISPATCHED");
        assertThat(statusOf(tn, null).get("departmentZh").stringValue()).isEqualTo("涧西区公安局");
    }

    @Test
    void aLookupWithWrongOrMissingDigitsLooksExactlyLikeAnUnknownNumber() {
        String tn = filed(Reports.nativeReport("13812340003")).get("trackingNumber").stringValue();

        HttpResponse<String> wrong = lookup(tn, "9999");
        HttpResponse<String> missing = get("/api/complaints/" + tn);
        HttpResponse<String> unknown = lookup("LY20000101-999999", "0003");

        assertThat(List.of(wrong.statusCode(), missing.statusCode(), unknown.statusCode())).containsOnly(404);
        assertThat(withoutInstance(wrong)).isEqualTo(withoutInstance(unknown)).isEqualTo(withoutInstance(missing));
        assertThat(lookup(tn, "0003").statusCode()).isEqualTo(200);
        assertThat(lookupPage(tn, "9999").body()).contains("id=\"not-found\"").doesNotContain("id=\"result\"");
        HttpResponse<String> digitsInTheAddress = get("/api/complaints/" + tn + "?phoneLast4=0003");
        assertThat(digitsInTheAddress.statusCode()).isEqualTo(400);
        assertThat(digitsInTheAddress.body()).contains("\"field\":\"phoneLast4\"", "Phone-Last4");
        assertThat(get("/track").body()).contains("举报办理进度查询").contains("Complaint status lookup");
    }

    @Test
    void aCaseEventThatOvertakesTheDispatchStillReachesTheOpeningComplaint() {
        JsonNode filed = filed(Reports.nativeReport("13812340004"));
        String tn = filed.get("trackingNumber").stringValue();
        Instant t0 = Instant.now();

        publish(Topics.CASES_LIFECYCLE, CaseEvents.accepted("CASE-" + tn, "HOUSING_CONSTRUCTION", t0.plusSeconds(600)));
        eventually(Duration.ofSeconds(30), () -> statusOf(tn, "0004").get("history").size() == 2, "the early acceptance in the history");
        assertThat(status(tn, "0004")).isEqualTo("RECEIVED");
        publish(Topics.CASES_DISPATCHED, CaseEvents.dispatched("CASE-" + tn, filed.get("complaintId").stringValue(), tn,
                "HOUSING_CONSTRUCTION", 1, t0));

        awaitStatus(tn, "0004", "ACCEPTED");
        assertThat(statusOf(tn, "0004").get("history")).extracting(h -> h.get("status").stringValue())
                .containsExactly("RECEIVED", "DISPATCHED", "ACCEPTED");
    }

    private JsonNode filed(String body) {
        HttpResponse<String> answer = postJson("/api/complaints", body, Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body());
    }

    private void publish(String topic, Event event) {
        publisher.publish(topic, event);
    }

    private JsonNode statusOf(String tn, String last4) {
        HttpResponse<String> answer = lookup(tn, last4);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private String status(String tn, String last4) {
        return statusOf(tn, last4).get("status").stringValue();
    }

    private void awaitStatus(String tn, String last4, String expected) {
        eventually(Duration.ofSeconds(30), () -> expected.equals(status(tn, last4)), tn + " to be " + expected);
    }

    /** The problem's {@code instance} is the path asked for; everything else must be the same. */
    private static String withoutInstance(HttpResponse<String> answer) {
        tools.jackson.databind.node.ObjectNode problem = (tools.jackson.databind.node.ObjectNode) JsonMapper.builder().build().readTree(answer.body());
        problem.remove("instance");
        return problem.toString();
    }
}
