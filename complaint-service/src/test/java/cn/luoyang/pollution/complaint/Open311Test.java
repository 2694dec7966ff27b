package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.Open311Spec;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2: every method in JSON and XML, checked against the swagger definitions
 * and the element structure of the specification's XML examples; errors in the spec's format
 * with its status codes (404 missing, 403 api_key, 400 the rest).
 */
class Open311Test extends ServiceHarness {

    private static final String API_KEY = "demo-open311-key";
    private final JsonMapper json = JsonMapper.builder().build();
    private final Open311Spec spec = new Open311Spec();

    @Test
    void serviceListIsTheCatalogueInBothFormats() {
        HttpResponse<String> answer = get("/open311/v2/services.json?jurisdiction_id=ly.gov.cn");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode services = json.readTree(answer.body());
        assertThat(spec.violations(services, "Service", true)).isEmpty();
        assertThat(services).hasSize(27);
        JsonNode dust = services.get(0);
        assertThat(dust.get("service_code").stringValue()).isEqualTo("AIR_CONSTRUCTION_DUST");
        assertThat(dust.get("service_name").stringValue()).isEqualTo("建筑工地扬尘 Construction site dust");
        assertThat(dust.get("type").stringValue()).isEqualTo("realtime");
        assertThat(dust.get("group").stringValue()).isEqualTo("air");

        HttpResponse<String> xml = get("/open311/v2/services.xml");
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(xml.body()).startsWith("<?xml").contains("<services><service><service_code>AIR_CONSTRUCTION_DUST</service_code>");
        assertThat(spec.unknownXmlPaths(xml.body())).isEmpty();
    }

    @Test
    void serviceDefinitionListsTheAttributesAndAnUnknownCodeIs404() {
        JsonNode definition = json.readTree(get("/open311/v2/services/WATER_SEWAGE_OUTLET.json").body());
        assertThat(spec.violations(definition, "ServiceDefinition", false)).isEmpty();
        assertThat(definition.get("attributes")).extracting(a -> a.get("code").stringValue())
                .containsExactly("datum", "observed_at", "happening_now", "sub_type", "reward_requested");

        String xml = get("/open311/v2/services/WATER_SEWAGE_OUTLET.xml").body();
        assertThat(spec.unknownXmlPaths(xml)).isEmpty();
        assertThat(xml).contains("<attributes><attribute><variable>true</variable><code>datum</code>")
                .contains("<values><value><key>WGS84</key>");

        HttpResponse<String> missing = get("/open311/v2/services/AIR_UFO.json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get(0).get("code").intValue()).isEqualTo(404);
        HttpResponse<String> missingXml = get("/open311/v2/services/AIR_UFO.xml");
        assertThat(missingXml.statusCode()).isEqualTo(404);
        assertThat(missingXml.body()).contains("<errors><error><code>404</code><description>");
        assertThat(spec.unknownXmlPaths(missingXml.body())).isEmpty();
    }

    @Test
    void postedRequestGetsATrackingNumberAndCanBeReadBackInBothFormats() {
        HttpResponse<String> created = post("json", form("api_key", API_KEY, "jurisdiction_id", "ly.gov.cn",
                "service_code", "AIR_OPEN_BBQ", "lat", "34.6650", "long", "112.4420", "attribute[datum]", "GCJ02",
                "description", "夜市露天烧烤, 烟很大", "address_string", "洛阳市西工区", "email", "someone@example.org",
                "first_name", "San", "last_name", "Zhang", "media_url", "https://img.example.org/bbq.jpg",
                "attribute[happening_now]", "true"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode answer = json.readTree(created.body());
        assertThat(spec.violations(answer, "RequestResponse", true)).isEmpty();
        String id = answer.get(0).get("service_request_id").stringValue();
        assertThat(id).matches("LY\\d{8}-\\d{10}");

        JsonNode one = json.readTree(get("/open311/v2/requests/" + id + ".json").body());
        assertThat(spec.violations(one, "Request", true)).isEmpty();
        JsonNode request = one.get(0);
        assertThat(request.get("status").stringValue()).isEqualTo("open");
        assertThat(request.get("service_code").stringValue()).isEqualTo("AIR_OPEN_BBQ");
        assertThat(request.get("requested_datetime").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        // GCJ-02 in, WGS-84 out: a few hundred metres apart
        assertThat(request.get("lat").doubleValue()).isNotEqualTo(34.6650).isCloseTo(34.6650, org.assertj.core.data.Offset.offset(0.01));
        assertThat(request.has("media_url")).as("media before an officer released them").isFalse();
        assertThat(one.toString()).doesNotContain("someone@example.org").doesNotContain("Zhang");

        String xml = get("/open311/v2/requests/" + id + ".xml").body();
        assertThat(spec.unknownXmlPaths(xml)).isEmpty();
        assertThat(xml).contains("<service_requests><request><service_request_id>" + id + "</service_request_id><status>open</status>");
        String createdXml = post("xml", form("api_key", API_KEY, "service_code", "NOISE_SOCIAL", "address_string", "洛阳市洛龙区广场",
                "description", "广场舞音响太大")).body();
        assertThat(spec.unknownXmlPaths(createdXml)).isEmpty();
        assertThat(createdXml).contains("<service_requests><request><service_request_id>LY");
    }

    @Test
    void requestListHonoursTheSpecsFilters() {
        String dust = createdId("AIR_CONSTRUCTION_DUST", "工地扬尘");
        String noise = createdId("NOISE_TRAFFIC", "改装车炸街");

        JsonNode all = json.readTree(get("/open311/v2/requests.json").body());
        assertThat(spec.violations(all, "Request", true)).isEmpty();
        assertThat(ids(all)).contains(dust, noise);
        assertThat(ids(json.readTree(get("/open311/v2/requests.json?service_code=NOISE_TRAFFIC").body()))).contains(noise).doesNotContain(dust);
        assertThat(ids(json.readTree(get("/open311/v2/requests.json?status=open").body()))).contains(dust, noise);
        assertThat(ids(json.readTree(get("/open311/v2/requests.json?status=closed").body()))).doesNotContain(dust, noise);
        assertThat(ids(json.readTree(get("/open311/v2/requests.json?service_request_id=" + dust + "&service_code=NOISE_TRAFFIC").body())))
                .containsExactly(dust);
        assertThat(ids(json.readTree(get("/open311/v2/requests.json?start_date=2010-01-01T00:00:00Z&end_date=2010-02-01T00:00:00Z").body())))
                .isEmpty();
        assertThat(spec.unknownXmlPaths(get("/open311/v2/requests.xml").body())).isEmpty();

        assertThat(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?start_date=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?status=pending").statusCode()).isEqualTo(400);
        assertThat(get("/open311/v2/requests/LY20000101-000000.json").statusCode()).isEqualTo(404);
    }

    @Test
    void errorsFollowTheSpecsCodesAndFormat() {
        HttpResponse<String> noKey = post("json", form("service_code", "AIR_ODOUR", "address_string", "x", "description", "臭"));
        assertThat(noKey.statusCode()).isEqualTo(403);
        JsonNode errors = json.readTree(noKey.body());
        assertThat(errors.get(0).get("code").intValue()).isEqualTo(403);
        assertThat(errors.get(0).get("description").stringValue()).contains("api_key");

        HttpResponse<String> badKey = post("xml", form("api_key", "guess", "service_code", "AIR_ODOUR", "address_string", "x"));
        assertThat(badKey.statusCode()).isEqualTo(403);
        assertThat(badKey.body()).contains("<errors><error><code>403</code><description>Invalid api_key");
        assertThat(spec.unknownXmlPaths(badKey.body())).isEmpty();

        assertThat(post("json", form("api_key", API_KEY, "address_string", "x", "description", "d")).statusCode()).isEqualTo(400);
        assertThat(post("json", form("api_key", API_KEY, "service_code", "AIR_UFO", "address_string", "x")).statusCode()).isEqualTo(404);
        assertThat(post("json", form("api_key", API_KEY, "service_code", "AIR_ODOUR", "description", "d")).statusCode()).isEqualTo(400);
        assertThat(post("json", form("api_key", API_KEY, "service_code", "AIR_ODOUR", "lat", "34.6", "description", "d")).statusCode()).isEqualTo(400);
        assertThat(post("json", form("api_key", API_KEY, "service_code", "AIR_ODOUR", "address_string", "x", "description", "d",
                "attribute[colour]", "red")).statusCode()).isEqualTo(400);
        HttpResponse<String> outside = post("json", form("api_key", API_KEY, "service_code", "AIR_ODOUR", "lat", "39.9", "long", "116.4",
                "description", "d"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(json.readTree(outside.body()).get(0).get("description").stringValue()).startsWith("lat/long: ").contains("outside Luoyang");
        assertThat(get("/open311/v2/services.json?jurisdiction_id=sfgov.org").statusCode()).isEqualTo(404);
        assertThat(get("/open311/v2/services.yaml").statusCode()).isEqualTo(400);
    }

    @Test
    void theFeedShowsNeitherTheWordsNorTheAddressNorTheMediaOfAnUnreviewedReportAndOnlyItsCell() {
        String id = createdWithPhoneAndPlace();

        JsonNode listed = findIn(json.readTree(get("/open311/v2/requests.json?service_code=AIR_ODOUR").body()), id);
        JsonNode one = json.readTree(get("/open311/v2/requests/" + id + ".json").body()).get(0);
        String xml = get("/open311/v2/requests/" + id + ".xml").body();

        for (JsonNode request : java.util.List.of(listed, one)) {
            assertThat(request.has("description")).isFalse();
            assertThat(request.has("address")).isFalse();
            assertThat(request.has("media_url")).isFalse();
            assertOnTheGrid(request.get("lat").doubleValue());
            assertOnTheGrid(request.get("long").doubleValue());
            assertThat(request.get("service_code").stringValue()).isEqualTo("AIR_ODOUR");
        }
        assertThat(spec.violations(json.readTree(get("/open311/v2/requests/" + id + ".json").body()), "Request", true)).isEmpty();
        assertThat(xml).doesNotContain("<description>").doesNotContain("<address>").doesNotContain("<media_url>")
                .doesNotContain("34.6197").doesNotContain("112.4532").contains("<lat>" + one.get("lat").doubleValue() + "</lat>");
        assertThat(spec.unknownXmlPaths(xml)).isEmpty();
    }

    @Test
    void aCampaignOfficerReleasesTheWordsWhichTheFeedThenShowsWithPhoneNumbersMasked() {
        String id = createdWithPhoneAndPlace();

        HttpResponse<String> released = release(id, "campaign", "{\"description\":true,\"address\":true,\"media\":true}");

        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(json.readTree(released.body()).get("releasedBy").stringValue()).isEqualTo("campaign");
        JsonNode request = json.readTree(get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(request.get("description").stringValue()).contains("刺鼻气味").contains("139****4321").doesNotContain("13900004321");
        assertThat(request.get("address").stringValue()).contains("涧西区").contains("0379-****1234").doesNotContain("63211234");
        assertThat(request.get("media_url").stringValue()).isEqualTo("https://img.example.org/smell.jpg");
        assertOnTheGrid(request.get("lat").doubleValue());
        String xml = get("/open311/v2/requests.xml?service_request_id=" + id).body();
        assertThat(xml).contains("<description>").contains("139****4321").contains("<address>").doesNotContain("13900004321");
        assertThat(spec.unknownXmlPaths(xml)).isEmpty();

        assertThat(release(id, "admin", "{\"description\":true}").statusCode()).isEqualTo(200);
        JsonNode narrowed = json.readTree(get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(narrowed.has("description")).isTrue();
        assertThat(narrowed.has("address")).as("a later decision replaces the earlier one").isFalse();
        assertThat(release("LY20000101-999999", "campaign", "{\"description\":true}").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheCampaignOfficeAndAdministratorsMayRelease() {
        String id = createdWithPhoneAndPlace();

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/complaints/" + id + "/publication"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"description\":true}")).build());
        HttpResponse<String> handler = release(id, "cg-jianxi", "{\"description\":true}");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("urn:luoyang:problem:unauthenticated");
        assertThat(handler.statusCode()).isEqualTo(403);
        assertThat(json.readTree(get("/open311/v2/requests/" + id + ".json").body()).get(0).has("description")).isFalse();
    }

    private String createdWithPhoneAndPlace() {
        HttpResponse<String> created = post("json", form("api_key", API_KEY, "service_code", "AIR_ODOUR",
                "lat", "34.6197", "long", "112.4532", "address_string", "洛阳市涧西区某小区3号楼 门卫 0379-63211234",
                "description", "化工厂刺鼻气味, 请打 13900004321", "media_url", "https://img.example.org/smell.jpg"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return json.readTree(created.body()).get(0).get("service_request_id").stringValue();
    }

    private HttpResponse<String> release(String id, String username, String body) {
        return send(HttpRequest.newBuilder(uri("/api/complaints/" + id + "/publication"))
                .header("Content-Type", "application/json")
                .header("Authorization", cn.luoyang.pollution.testing.security.AccessCheck.basic(username, "luoyang2026"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode findIn(JsonNode list, String id) {
        for (JsonNode request : list) {
            if (id.equals(request.get("service_request_id").stringValue())) {
                return request;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    /** A multiple of 0.01°: the centre of a public grid cell. */
    private static void assertOnTheGrid(double degrees) {
        assertThat(Math.abs(degrees * 100 - Math.rint(degrees * 100))).as(degrees + " on the 0.01° grid").isLessThan(1e-6);
    }

    private String createdId(String code, String description) {
        HttpResponse<String> created = post("json", form("api_key", API_KEY, "service_code", code, "address_string", "洛阳市",
                "description", description));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return json.readTree(created.body()).get(0).get("service_request_id").stringValue();
    }

    private static java.util.List<String> ids(JsonNode list) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        list.forEach(r -> ids.add(r.get("service_request_id").stringValue()));
        return ids;
    }

    private HttpResponse<String> post(String format, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri("/open311/v2/requests." + format))
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
