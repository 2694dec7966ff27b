package cn.luoyang.pollution.systemtests.badinput;

import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.systemtests.harness.Hotline;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.load.Report;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of malformed inputs (issue 7, item 4) with the answer complaint-service documents
 * for each: over HTTP a status, a reason code and the field named in the errors; over Kafka a
 * dead-letter entry on {@code complaints.submitted.dlt} with the reason in {@code x-dlt-reason}.
 */
public final class BadInputs {

    /** One malformed HTTP request and what it must get back. */
    public record HttpCase(String name, byte[] body, String contentType, Map<String, String> headers,
                           int expectedStatus, String expectedReason, String expectedField) {
    }

    /** One malformed Kafka record and the dead-letter reason it must get. */
    public record KafkaCase(String name, String key, byte[] value, Map<String, String> headers, String expectedReason,
                            String knownDefect) {
    }

    /**
     * Cases whose documented answer the service does not give yet: reported to the lead and kept in
     * the suite, which checks that they still fail so whoever fixes the service removes the mark.
     */
    static final Map<String, String> KNOWN_DEFECTS = Map.of();

    private BadInputs() {
    }

    public static List<HttpCase> http(Report base) {
        List<HttpCase> cases = new ArrayList<>();
        String json = "application/json";
        cases.add(raw("empty body", new byte[0], json, 400, "malformed-json", "body"));
        cases.add(raw("truncated JSON", "{\"category\": \"AIR_ODOUR\", ".getBytes(StandardCharsets.UTF_8), json, 400, "malformed-json", "body"));
        cases.add(raw("a JSON array instead of an object", "[1,2,3]".getBytes(StandardCharsets.UTF_8), json, 400, "malformed-json", "body"));
        cases.add(raw("a bare JSON string", "\"hello\"".getBytes(StandardCharsets.UTF_8), json, 400, "malformed-json", "body"));
        cases.add(raw("invalid UTF-8 bytes", invalidUtf8(base), json, 400, "malformed-utf8", "body"));
        // 1 MB: 16 times the intake's limit, yet under Tomcat's default max-swallow-size (2 MB), so the
        // server drains the rest and the client always reads the 413; with a larger body Tomcat closes
        // the connection after answering and the client may see a broken pipe instead (race).
        cases.add(raw("an oversized body (1 MB)", oversized(base, 1024 * 1024), json, 413, "too-large", "body"));
        cases.add(raw("text/plain instead of JSON", body(base, b -> { }), "text/plain", 415, "unsupported-media-type", "Content-Type"));
        cases.add(field("category missing", base, b -> b.remove("category"), "validation", "category"));
        cases.add(field("category is a number", base, b -> b.put("category", 42), "validation", "category"));
        cases.add(field("unknown category", base, b -> b.put("category", "AIR_UNICORN_DUST"), "validation", "category"));
        cases.add(field("description missing", base, b -> b.remove("description"), "validation", "description"));
        cases.add(field("description over 4000 characters", base, b -> b.put("description", "扬".repeat(4001)), "validation", "description"));
        cases.add(field("description with control characters", base, b -> b.put("description", "bad\u0000text"), "validation", "description"));
        cases.add(field("subType over 100 characters", base, b -> b.put("subType", "x".repeat(101)), "validation", "subType"));
        cases.add(field("addressText over 500 characters", base, b -> b.put("addressText", "路".repeat(501)), "validation", "addressText"));
        cases.add(field("latitude is text", base, b -> b.put("location", Map.of("latitude", "north", "longitude", 112.4, "datum", "GCJ02")), "validation", "location.latitude"));
        cases.add(field("latitude out of range", base, b -> b.put("location", Map.of("latitude", 134.6, "longitude", 112.4, "datum", "GCJ02")), "validation", "location.latitude"));
        cases.add(field("longitude out of range", base, b -> b.put("location", Map.of("latitude", 34.6, "longitude", 212.4, "datum", "GCJ02")), "validation", "location.longitude"));
        cases.add(field("coordinates in Beijing, outside the city", base, b -> b.put("location", Map.of("latitude", 39.9042, "longitude", 116.4074, "datum", "WGS84")), "validation", "location"));
        cases.add(field("coordinates at 0,0", base, b -> b.put("location", Map.of("latitude", 0.0, "longitude", 0.0, "datum", "WGS84")), "validation", "location"));
        cases.add(field("unknown datum", base, b -> b.put("location", Map.of("latitude", 34.6, "longitude", 112.4, "datum", "MARS")), "validation", "location.datum"));
        cases.add(field("location is a string", base, b -> b.put("location", "涧西区"), "validation", "location"));
        cases.add(field("observedAt is not a time", base, b -> b.put("observedAt", "yesterday evening"), "validation", "observedAt"));
        cases.add(field("observedAt in the future", base, b -> b.put("observedAt", "2099-01-01T08:00:00+08:00"), "validation", "observedAt"));
        cases.add(field("happeningNow is text", base, b -> b.put("happeningNow", "yes"), "validation", "happeningNow"));
        cases.add(field("unknown channel", base, b -> b.put("channel", "CARRIER_PIGEON"), "validation", "channel"));
        cases.add(field("reporter missing", base, b -> b.remove("reporter"), "validation", "reporter"));
        // no phone form is bad input any more (a landline, a foreign or an unparsable number is kept,
        // sealed and flagged): complaint-service's IntakeTest files each form and checks how it is sealed
        cases.add(field("anonymous report with a phone", base, b -> b.put("reporter", Map.of("anonymous", true, "phone", "13912345678")), "validation", "reporter"));
        cases.add(field("media is not an array", base, b -> b.put("media", "photo.jpg"), "validation", "media"));
        cases.add(field("media size is text", base, b -> b.put("media", List.of(Map.of("url", "https://example.org/p.jpg", "mediaType", "image/jpeg", "sizeBytes", "big"))), "validation", "media[0].sizeBytes"));
        cases.add(field("media with a file: URL", base, b -> b.put("media", List.of(Map.of("url", "file:///etc/passwd", "mediaType", "image/jpeg", "sizeBytes", 1000))), "validation", "media[0].url"));
        cases.add(field("operator injection in category", base, b -> b.put("category", Map.of("$ne", "")), null, "category"));
        cases.add(field("operator injection in the phone", base, b -> b.put("reporter", Map.of("anonymous", false, "phone", Map.of("$gt", ""))), null, "reporter"));
        cases.add(field("operator key at the top level", base, b -> b.put("$where", "sleep(1000)"), "operator-injection", "$where"));
        HashMap<String, String> badKey = new HashMap<>();
        badKey.put("Idempotency-Key", "not a valid key!");
        cases.add(new HttpCase("Idempotency-Key with spaces", body(base, b -> { }), json, badKey, 400, "validation", "Idempotency-Key"));
        return cases;
    }

    public static List<KafkaCase> kafka(Report base, Hotline hotline, String runId) {
        List<KafkaCase> cases = new ArrayList<>();
        ComplaintSubmitted good = base.event(hotline, Instant.now());
        cases.add(record("not JSON at all", runId, "hello, this is not json".getBytes(StandardCharsets.UTF_8), "malformed-json"));
        cases.add(record("truncated JSON", runId, "{\"sourceSystem\": \"x\"".getBytes(StandardCharsets.UTF_8), "malformed-json"));
        cases.add(record("empty value", runId, new byte[0], "malformed-json"));
        cases.add(record("invalid UTF-8", runId, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "malformed-utf8"));
        cases.add(record("a JSON array", runId, "[]".getBytes(StandardCharsets.UTF_8), "malformed-json"));
        // A record without ce_type is read as complaint.submitted.v1 (lenient to hotlines that set no headers),
        // so only its body decides: here a broken one.
        cases.add(withHeaders("no ce_type header and a broken body", runId, "{\"category\": [".getBytes(StandardCharsets.UTF_8),
                h -> h.remove("ce_type"), "malformed-json"));
        cases.add(withHeaders("an unknown ce_type", runId, hotline.encode(good), h -> h.put("ce_type", "complaint.submitted.v9"), "unknown-type"));
        cases.add(withHeaders("another event's type on this topic", runId, hotline.encode(good), h -> h.put("ce_type", "case.closed.v1"), "unknown-type"));
        cases.add(mutated("category missing", runId, good, hotline, n -> n.remove("category"), "validation"));
        cases.add(mutated("unknown category", runId, good, hotline, n -> n.put("category", "WATER_UNICORN"), "validation"));
        cases.add(mutated("category is a number", runId, good, hotline, n -> n.put("category", 42), "validation"));
        cases.add(mutated("description missing", runId, good, hotline, n -> n.remove("description"), "validation"));
        cases.add(mutated("coordinates outside the city", runId, good, hotline, n -> n.putObject("location")
                .put("longitude", 121.47).put("latitude", 31.23).put("datum", "WGS84"), "validation"));
        cases.add(mutated("sealedPhone missing for a named reporter", runId, good, hotline, n -> n.putObject("reporter")
                .put("anonymous", false).put("maskedPhone", "139****5678"), "validation"));
        cases.add(mutated("a plaintext phone where the sealed one goes", runId, good, hotline, n -> n.putObject("reporter")
                .put("anonymous", false).put("sealedPhone", "13912345678").put("maskedPhone", "139****5678"), "validation"));
        cases.add(mutated("wrong schemaVersion", runId, good, hotline, n -> n.put("schemaVersion", 7), "validation"));
        cases.add(mutated("unknown channel", runId, good, hotline, n -> n.put("channel", "FAX"), "validation"));
        cases.add(mutated("operator injection in category", runId, good, hotline, n -> n.putObject("category").put("$ne", ""), null));
        cases.add(mutated("operator key at the top level", runId, good, hotline, n -> n.put("$where", "1==1"), "operator-injection"));
        cases.add(mutated("sourceSystem missing", runId, good, hotline, n -> n.remove("sourceSystem"), "validation"));
        cases.add(record("oversized record (200 KB)", runId, oversizedEvent(hotline.encode(good), 200 * 1024), "too-large"));
        return cases;
    }

    private static HttpCase raw(String name, byte[] body, String contentType, int status, String reason, String field) {
        return new HttpCase(name, body, contentType, Map.of(), status, reason, field);
    }

    private static HttpCase field(String name, Report base, Consumer<Map<String, Object>> change, String reason, String field) {
        return new HttpCase(name, body(base, change), "application/json", Map.of(), 400, reason, field);
    }

    static byte[] body(Report base, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(base.httpBody());
        body.put("externalTicketId", base.externalTicketId() + "-" + UUID.randomUUID().toString().substring(0, 8));
        change.accept(body);
        return JsonHttp.JSON.writeValueAsBytes(body);
    }

    private static byte[] invalidUtf8(Report base) {
        byte[] good = body(base, b -> b.put("description", "XX"));
        String text = new String(good, StandardCharsets.UTF_8);
        int at = text.indexOf("XX");
        good[at] = (byte) 0xC3;
        good[at + 1] = (byte) 0x28;
        return good;
    }

    private static byte[] oversized(Report base, int size) {
        return body(base, b -> b.put("description", "扬".repeat(size / 3 + 1)));
    }

    private static byte[] oversizedEvent(byte[] good, int size) {
        ObjectNode node = (ObjectNode) JsonHttp.JSON.readTree(good);
        node.put("description", "x".repeat(size));
        return JsonHttp.JSON.writeValueAsBytes(node);
    }

    private static KafkaCase record(String name, String runId, byte[] value, String reason) {
        String key = "badinput:" + runId + "-" + UUID.randomUUID();
        return new KafkaCase(name, key, value, Hotline.headersFor(UUID.randomUUID().toString(), "complaint.submitted.v1", key), reason,
                KNOWN_DEFECTS.get(name));
    }

    private static KafkaCase withHeaders(String name, String runId, byte[] value, Consumer<Map<String, String>> change, String reason) {
        String key = "badinput:" + runId + "-" + UUID.randomUUID();
        Map<String, String> headers = new HashMap<>(Hotline.headersFor(UUID.randomUUID().toString(), "complaint.submitted.v1", key));
        change.accept(headers);
        return new KafkaCase(name, key, value, headers, reason, KNOWN_DEFECTS.get(name));
    }

    private static KafkaCase mutated(String name, String runId, ComplaintSubmitted good, Hotline hotline,
                                     Consumer<ObjectNode> change, String reason) {
        String ticket = runId + "-" + UUID.randomUUID();
        ObjectNode node = (ObjectNode) JsonHttp.JSON.readTree(hotline.encode(good));
        node.put("externalTicketId", ticket);
        node.put("eventId", UUID.randomUUID().toString());
        change.accept(node);
        String key = "badinput:" + ticket;
        node.put("sourceSystem", node.has("sourceSystem") ? "badinput" : null);
        if (!node.has("sourceSystem") || node.get("sourceSystem").isNull()) {
            node.remove("sourceSystem");
        }
        return new KafkaCase(name, key, JsonHttp.JSON.writeValueAsBytes(node),
                Hotline.headersFor(UUID.randomUUID().toString(), "complaint.submitted.v1", key), reason, KNOWN_DEFECTS.get(name));
    }
}
