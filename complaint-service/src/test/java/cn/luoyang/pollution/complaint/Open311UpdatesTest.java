package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.complaint.tracking.Tracker;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.TopicProbe;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 both ways, as FixMyStreet does it over XML: a client sends a report, polls
 * {@code servicerequestupdates} and sees it dispatched and closed, and posts a reporter's
 * follow-up, which is kept once and announced on {@code complaints.notes}. JSON answers the same.
 */
class Open311UpdatesTest extends ServiceHarness {

    private static final String API_KEY = "demo-open311-key";
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Tracker tracker;
    @Autowired
    MongoComplaints complaints;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aClientSeesEveryStatusChangeOfItsRequestWithinTheDatesItAsksFor() {
        String id = createdOverXml("工地夜间施工扬尘");
        String complaintId = complaints.byTrackingNumber(id).orElseThrow().id();
        Instant dispatchedAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Instant closedAt = dispatchedAt.plusSeconds(3600);
        tracker.on(CaseEvents.dispatched("CASE-" + id, complaintId, id, "HOUSING_CONSTRUCTION", 1, dispatchedAt));
        tracker.on(CaseEvents.closed("CASE-" + id, "已责令覆盖裸土, 复查合格。有疑问请拨 13812345678。", List.of(complaintId), closedAt));

        String xml = get("/open311/v2/servicerequestupdates.xml?start_date=" + w3(dispatchedAt.minusSeconds(1))
                + "&end_date=" + w3(closedAt.plusSeconds(1))).body();
        List<String> mine = updatesOf(xml, id);
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0)).contains("<status>open</status>", "<external_status_code>DISPATCHED</external_status_code>",
                "<description>已派单 Dispatched to a department: ").containsPattern("<update_id>[0-9a-f-]{36}</update_id>");
        assertThat(OffsetDateTime.parse(xmlValue(mine.get(0), "updated_datetime")).toInstant()).isEqualTo(dispatchedAt);
        assertThat(mine.get(1)).contains("<status>closed</status>", "<external_status_code>CLOSED</external_status_code>",
                "已办结 Closed with a reply: 已责令覆盖裸土, 复查合格。有疑问请拨 138****5678。");
        assertThat(xml).startsWith("<?xml").contains("<service_request_updates><request_update>")
                .doesNotContain("13812345678");

        JsonNode list = json.readTree(get("/open311/v2/servicerequestupdates.json?start_date=" + w3(dispatchedAt.minusSeconds(1))
                + "&end_date=" + w3(closedAt.plusSeconds(1))).body());
        List<JsonNode> jsonMine = new ArrayList<>();
        list.forEach(u -> {
            if (id.equals(u.get("service_request_id").stringValue())) {
                jsonMine.add(u);
            }
        });
        assertThat(jsonMine).extracting(u -> u.get("status").stringValue()).containsExactly("open", "closed");
        assertThat(jsonMine.get(1).get("updated_datetime").stringValue()).isEqualTo(xmlValue(mine.get(1), "updated_datetime"));
        assertThat(jsonMine.get(0).get("update_id").stringValue()).isEqualTo(xmlValue(mine.get(0), "update_id"));

        String onlyDispatch = get("/open311/v2/servicerequestupdates.xml?start_date=" + w3(dispatchedAt.minusSeconds(1))
                + "&end_date=" + w3(dispatchedAt.plusSeconds(1))).body();
        assertThat(updatesOf(onlyDispatch, id)).hasSize(1).first().asString().contains("DISPATCHED");
        String before = get("/open311/v2/servicerequestupdates.xml?start_date=" + w3(dispatchedAt.minusSeconds(7200))
                + "&end_date=" + w3(dispatchedAt.minusSeconds(1))).body();
        assertThat(updatesOf(before, id)).isEmpty();

        JsonNode request = json.readTree(get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(request.get("status").stringValue()).isEqualTo("closed");
        assertThat(request.get("status_notes").stringValue()).isEqualTo("已责令覆盖裸土, 复查合格。有疑问请拨 138****5678。");
        assertThat(request.get("agency_responsible").stringValue()).isNotBlank();
        assertThat(request.get("updated_datetime").stringValue()).isEqualTo(xmlValue(mine.get(1), "updated_datetime"));
    }

    @Test
    void badDatesAreAnsweredInOpen311sOwnErrorFormat() {
        HttpResponse<String> xml = get("/open311/v2/servicerequestupdates.xml?start_date=yesterday");
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.body()).contains("<errors><error><code>400</code><description>start_date must use the w3 format");

        HttpResponse<String> reversed = get("/open311/v2/servicerequestupdates.json?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z");
        assertThat(reversed.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(reversed.body());
        assertThat(errors.get(0).get("code").intValue()).isEqualTo(400);
        assertThat(errors.get(0).get("description").stringValue()).isEqualTo("end_date is before start_date");

        HttpResponse<String> tooLong = get("/open311/v2/servicerequestupdates.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("90 days");
    }

    @Test
    void aFollowUpSentTwiceWithTheSameIdIsKeptOnceWithoutTheReportersIdentity() {
        String id = createdOverXml("化工厂夜里排放异味");
        String complaintId = complaints.byTrackingNumber(id).orElseThrow().id();
        Map<String, String> followUp = form("api_key", API_KEY, "service_request_id", id, "update_id", "fms-9001",
                "updated_datetime", "2026-11-28T21:05:00+08:00", "status", "OPEN",
                "description", "今晚又开始排放了, 可以打我电话 13900004321", "email", "li.si@example.org",
                "first_name", "Si", "last_name", "Li", "phone", "13900004321", "media_url", "https://img.example.org/night.jpg");

        HttpResponse<String> first = post("servicerequestupdates.xml", followUp);
        HttpResponse<String> again = post("servicerequestupdates.xml", followUp);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).startsWith("<?xml").containsPattern(
                "<service_request_updates><request_update><update_id>[0-9a-f-]{36}</update_id></request_update></service_request_updates>");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(xmlValue(again.body(), "update_id")).isEqualTo(xmlValue(first.body(), "update_id"));
        JsonNode overJson = json.readTree(post("servicerequestupdates.json", followUp).body());
        assertThat(overJson.get(0).get("update_id").stringValue()).isEqualTo(xmlValue(first.body(), "update_id"));

        String stored = mongo.findById(complaintId, org.bson.Document.class, "complaints").toJson();
        org.bson.Document doc = mongo.findById(complaintId, org.bson.Document.class, "complaints");
        assertThat(doc.getList("notes", org.bson.Document.class)).singleElement()
                .satisfies(n -> assertThat(n.getString("text")).isEqualTo("今晚又开始排放了, 可以打我电话 139****4321"));
        assertThat(stored).doesNotContain("13900004321", "li.si@example.org", "\"Si\"", "\"Li\"");

        List<ReporterNoteAdded> announced = new ArrayList<>();
        try (TopicProbe probe = new TopicProbe(brokers, Topics.COMPLAINTS_NOTES)) {
            for (ConsumerRecord<String, byte[]> r : probe.await(Integer.MAX_VALUE, Duration.ofSeconds(5))) {
                if (complaintId.equals(r.key())) {
                    announced.add((ReporterNoteAdded) new EventCodec().decode("complaint.reporter-note-added.v1", r.value()));
                }
            }
        }
        assertThat(announced).singleElement().satisfies(e -> {
            assertThat(e.trackingNumber()).isEqualTo(id);
            assertThat(e.sourceSystem()).isEqualTo("demo");
            assertThat(e.externalUpdateId()).isEqualTo("fms-9001");
            assertThat(e.note()).isEqualTo("今晚又开始排放了, 可以打我电话 139****4321");
            assertThat(e.writtenAt()).isEqualTo(Instant.parse("2026-11-28T13:05:00Z"));
        });
    }

    @Test
    void aFollowUpForAnUnknownRequestOrWithoutItsKeyOrTextIsRefusedInOpen311sFormat() {
        HttpResponse<String> unknown = post("servicerequestupdates.xml", form("api_key", API_KEY,
                "service_request_id", "LY20000101-999999", "update_id", "fms-1", "description", "还在冒烟"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<errors><error><code>404</code>");

        HttpResponse<String> noKey = post("servicerequestupdates.json", form("service_request_id", "LY20000101-999999",
                "update_id", "fms-1", "description", "还在冒烟"));
        assertThat(noKey.statusCode()).isEqualTo(403);

        String id = createdOverXml("露天焚烧垃圾");
        HttpResponse<String> noText = post("servicerequestupdates.json", form("api_key", API_KEY, "service_request_id", id,
                "update_id", "fms-2"));
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noText.body()).get(0).get("description").stringValue()).isEqualTo("description is required");
        HttpResponse<String> badTime = post("servicerequestupdates.json", form("api_key", API_KEY, "service_request_id", id,
                "update_id", "fms-3", "description", "x", "updated_datetime", "last night"));
        assertThat(badTime.statusCode()).isEqualTo(400);
    }

    private String createdOverXml(String description) {
        HttpResponse<String> created = post("requests.xml", form("api_key", API_KEY, "service_code", "AIR_ODOUR",
                "address_string", "洛阳市涧西区", "description", description));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return xmlValue(created.body(), "service_request_id");
    }

    private static List<String> updatesOf(String xml, String requestId) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<request_update>(.*?)</request_update>").matcher(xml);
        while (m.find()) {
            if (m.group(1).contains("<service_request_id>" + requestId + "</service_request_id>")) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static String xmlValue(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    private static String w3(Instant at) {
        return at.toString();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri("/open311/v2/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
