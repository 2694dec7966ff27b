package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.Seal;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.ComplaintRejected;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input, table by table: each HTTP case names the status, reason and field of the answer;
 * each Kafka case the dead-letter reason and the field the ComplaintRejected names. After all of
 * them the Kafka consumer still takes a good record.
 */
class BadInputTest extends ServiceHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GOOD = Reports.nativeReport("13812345678");

    @Autowired
    MeterRegistry meters;

    static Stream<Arguments> httpCases() {
        return Stream.of(
                http("empty body", "", 400, "malformed-json", "body"),
                http("broken JSON", "{\"category\":", 400, "malformed-json", "body"),
                http("an array, not an object", "[1,2]", 400, "malformed-json", "body"),
                http("too large", "{\"description\":\"" + "x".repeat(70_000) + "\"}", 413, "too-large", "body"),
                http("$ key at the top", edit(o -> put(o, "$where", "1==1")), 400, "operator-injection", "$where"),
                http("$ key inside location", GOOD.replace("\"datum\":\"WGS84\"", "\"datum\":\"WGS84\",\"$gt\":1"), 400, "operator-injection", "location.$gt"),
                http("dotted key", edit(o -> put(o, "reporter.phone", "x")), 400, "operator-injection", "reporter.phone"),
                http("category missing", without("category"), 400, "validation", "category"),
                http("category unknown", edit(o -> put(o, "category", "AIR_UFO")), 400, "validation", "category"),
                http("category not a string", edit(o -> put(o, "category", 7)), 400, "validation", "category"),
                http("description missing", without("description"), 400, "validation", "description"),
                http("description blank", edit(o -> put(o, "description", "   ")), 400, "validation", "description"),
                http("description 4001 characters", edit(o -> put(o, "description", "扬".repeat(4001))), 400, "validation", "description"),
                http("description with a NUL character", edit(o -> put(o, "description", "a\u0000b")), 400, "validation", "description"),
                http("latitude 95", GOOD.replace("\"latitude\":34.6197", "\"latitude\":95"), 400, "validation", "location.latitude"),
                http("longitude a string", GOOD.replace("\"longitude\":112.3840", "\"longitude\":\"112.38\""), 400, "validation", "location.longitude"),
                http("latitude missing", GOOD.replace("\"latitude\":34.6197,", ""), 400, "validation", "location.latitude"),
                http("datum missing", GOOD.replace(",\"datum\":\"WGS84\"", ""), 400, "validation", "location.datum"),
                http("datum BD09", GOOD.replace("WGS84", "BD09"), 400, "validation", "location.datum"),
                http("coordinates in Beijing", GOOD.replace("34.6197", "39.9042").replace("112.3840", "116.4074"), 400, "validation", "location"),
                http("address 501 characters", edit(o -> put(o, "addressText", "路".repeat(501))), 400, "validation", "addressText"),
                http("observedAt without offset", edit(o -> put(o, "observedAt", "2026-11-28 07:30")), 400, "validation", "observedAt"),
                http("observedAt in the future", edit(o -> put(o, "observedAt", "2099-01-01T00:00:00Z")), 400, "validation", "observedAt"),
                http("reporter missing", without("reporter"), 400, "validation", "reporter"),
                http("anonymous with a phone", GOOD.replace("\"anonymous\":false", "\"anonymous\":true"), 400, "validation", "reporter.phone"),
                http("named without a phone", GOOD.replace(",\"phone\":\"13812345678\"", ""), 400, "validation", "reporter.phone"),
                http("media type pdf", GOOD.replace("image/jpeg", "application/pdf"), 400, "validation", "media[0].mediaType"),
                http("photo over 10 MB", GOOD.replace("204800", "11000000"), 400, "validation", "media[0].sizeBytes"),
                http("negative size", GOOD.replace("204800", "-1"), 400, "validation", "media[0].sizeBytes"),
                http("ftp media URL", GOOD.replace("https://img.example.org/p1.jpg", "ftp://img.example.org/p1.jpg"), 400, "validation", "media[0].url"),
                http("ten media items", edit(o -> {
                    var list = JSON.createArrayNode();
                    for (int i = 0; i < 10; i++) {
                        list.add(o.get("media").get(0).deepCopy());
                    }
                    o.set("media", list);
                    return o;
                }), 400, "validation", "media"),
                http("media not an array", edit(o -> put(o, "media", "https://x/y.jpg")), 400, "validation", "media"),
                http("channel FAX", edit(o -> put(o, "channel", "FAX")), 400, "validation", "channel"),
                http("happeningNow as text", edit(o -> put(o, "happeningNow", "yes")), 400, "validation", "happeningNow"),
                http("subType 101 characters", edit(o -> put(o, "subType", "x".repeat(101))), 400, "validation", "subType"),
                http("sourceSystem with spaces", edit(o -> put(o, "sourceSystem", "my hotline")), 400, "validation", "sourceSystem"),
                http("sourceSystem with a colon", edit(o -> put(o, "sourceSystem", "hotline-12345:T1")), 400, "validation", "sourceSystem"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpCases")
    void badHttpReportIsAnsweredWithTheFieldAndReason(String name, String body, int status, String reason, String field) {
        HttpResponse<String> answer = postJson("/api/complaints", body, Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.get("status").intValue()).isEqualTo(status);
        assertThat(json.get("reason").stringValue()).isEqualTo(reason);
        List<String> fields = new ArrayList<>();
        json.get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
        assertThat(fields).as(answer.body()).contains(field);
        json.get("errors").forEach(e -> assertThat(e.get("message").stringValue()).isNotBlank());
        assertThat(answer.body()).doesNotContain("12345678");
    }

    @org.junit.jupiter.api.Test
    void malformedUtf8AndWrongContentTypeAndBadIdempotencyKeyAreRefused() {
        byte[] latin1 = "{\"description\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> utf8 = postBytes("/api/complaints", "application/json", latin1);
        assertThat(utf8.statusCode()).isEqualTo(400);
        assertThat(utf8.body()).contains("malformed-utf8").contains("\"field\":\"body\"");

        HttpResponse<String> text = postBytes("/api/complaints", "text/plain", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("\"field\":\"Content-Type\"");

        HttpResponse<String> key = postJson("/api/complaints", GOOD, Map.of("Idempotency-Key", "has spaces in it"));
        assertThat(key.statusCode()).isEqualTo(400);
        assertThat(key.body()).contains("\"field\":\"Idempotency-Key\"");
    }

    // --- Kafka ---

    private record KafkaCase(String name, String key, byte[] value, Map<String, String> headers, String reason, String field) {
    }

    private List<KafkaCase> kafkaCases() {
        String[] sealed = Seal.phone(KEYS.publicKeyset(), "13912345678");
        List<KafkaCase> cases = new ArrayList<>();
        Map<String, String> ce = Map.of(CloudEventHeaders.TYPE, "complaint.submitted.v1");
        int[] n = {0};
        java.util.function.BiFunction<String, UnaryOperator<String>, String> good = (ticket, change) ->
                change.apply(Reports.submitted("hotline-bad", ticket, sealed[0], sealed[1]));
        java.util.function.Consumer<Object[]> add = a -> {
            String ticket = "B" + (++n[0]);
            UnaryOperator<String> change = (UnaryOperator<String>) a[1];
            cases.add(new KafkaCase((String) a[0], "hotline-bad:" + ticket,
                    good.apply(ticket, change).getBytes(StandardCharsets.UTF_8), ce, (String) a[2], (String) a[3]));
        };
        cases.add(new KafkaCase("broken JSON", "hotline-bad:J1", "{\"sourceSystem\":".getBytes(StandardCharsets.UTF_8), ce, "malformed-json", "body"));
        cases.add(new KafkaCase("not UTF-8", "hotline-bad:U1", "{\"description\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), ce, "malformed-utf8", "body"));
        cases.add(new KafkaCase("too large", "hotline-bad:L1", ("{\"d\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8), ce, "too-large", "body"));
        cases.add(new KafkaCase("wrong ce_type", "hotline-bad:T1", good.apply("T1", s -> s).getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "complaint.registered.v1"), "unknown-type", "ce_type"));
        add.accept(new Object[] {"$set key", (UnaryOperator<String>) s -> s.replace("{\"eventId\"", "{\"$set\":{\"x\":1},\"eventId\""), "operator-injection", "$set"});
        add.accept(new Object[] {"sourceSystem missing", (UnaryOperator<String>) s -> s.replace("\"sourceSystem\":\"hotline-bad\",", ""), "validation", "sourceSystem"});
        // keyed as the record names itself: the rejection is keyed by its sourceSystem and ticket
        cases.add(new KafkaCase("sourceSystem of the JSON API", "web:W1", good.apply("W1", s -> s.replace("\"sourceSystem\":\"hotline-bad\"",
                "\"sourceSystem\":\"web\"")).getBytes(StandardCharsets.UTF_8), ce, "validation", "sourceSystem"));
        cases.add(new KafkaCase("sourceSystem of an Open311 client", "open311:demo:W2", good.apply("W2", s -> s.replace("\"sourceSystem\":\"hotline-bad\"",
                "\"sourceSystem\":\"open311:demo\"")).getBytes(StandardCharsets.UTF_8), ce, "validation", "sourceSystem"));
        add.accept(new Object[] {"externalTicketId with spaces", (UnaryOperator<String>) s -> s.replaceFirst("\"externalTicketId\":\"B\\d+\"", "\"externalTicketId\":\"a b\""), "validation", "externalTicketId"});
        add.accept(new Object[] {"channel missing", (UnaryOperator<String>) s -> s.replace("\"channel\":\"HOTLINE_12369\",", ""), "validation", "channel"});
        add.accept(new Object[] {"channel unknown", (UnaryOperator<String>) s -> s.replace("HOTLINE_12369", "PIGEON"), "validation", "channel"});
        add.accept(new Object[] {"category unknown", (UnaryOperator<String>) s -> s.replace("WATER_SEWAGE_OUTLET", "WATER_MERMAID"), "validation", "category"});
        add.accept(new Object[] {"coordinates in Shanghai", (UnaryOperator<String>) s -> s.replace("112.4540", "121.4737").replace("34.6197", "31.2304"), "validation", "location"});
        add.accept(new Object[] {"description too long", (UnaryOperator<String>) s -> s.replace("河边暗管排污, 水发黑", "污".repeat(4001)), "validation", "description"});
        add.accept(new Object[] {"sealed phone missing", (UnaryOperator<String>) s -> s.replace("\"sealedPhone\":\"" + sealed[0] + "\"", "\"sealedPhone\":null"), "validation", "reporter.sealedPhone"});
        add.accept(new Object[] {"sealed phone not base64", (UnaryOperator<String>) s -> s.replace(sealed[0], "%%not-base64%%"), "validation", "reporter.sealedPhone"});
        add.accept(new Object[] {"plain number where the sealed one belongs", (UnaryOperator<String>) s -> s.replace(sealed[0], "13812345678"), "validation", "reporter.sealedPhone"});
        add.accept(new Object[] {"plain number as masked phone", (UnaryOperator<String>) s -> s.replace(sealed[1], "13912345678"), "validation", "reporter.maskedPhone"});
        add.accept(new Object[] {"anonymous with a sealed phone", (UnaryOperator<String>) s -> s.replace("\"anonymous\":false", "\"anonymous\":true"), "validation", "reporter"});
        add.accept(new Object[] {"reporter missing", (UnaryOperator<String>) s -> s.replaceFirst("\"reporter\":\\{[^}]*\\},", ""), "validation", "reporter"});
        add.accept(new Object[] {"schemaVersion 2", (UnaryOperator<String>) s -> s.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), "validation", "schemaVersion"});
        add.accept(new Object[] {"observedAt not a time", (UnaryOperator<String>) s -> s.replace("2026-11-28T06:00:00Z", "yesterday"), "validation", "observedAt"});
        add.accept(new Object[] {"media over the video limit", (UnaryOperator<String>) s -> s.replace("\"media\":[]",
                "\"media\":[{\"url\":\"https://v.example.org/a.mp4\",\"mediaType\":\"video/mp4\",\"sizeBytes\":200000000}]"), "validation", "media[0].sizeBytes"});
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> badHotlineRecordsAreDeadLetteredWithAReasonAndRejectedWhileTheConsumerGoesOn() {
        List<KafkaCase> cases = kafkaCases();
        double countedBefore = deadLettersCounted();
        // a ticket used once, then again for a different report
        String[] sealed = Seal.phone(KEYS.publicKeyset(), "13912345678");
        byte[] first = Reports.submitted("hotline-bad", "DUP1", sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8);
        byte[] second = Reports.submitted("hotline-bad", "DUP1", sealed[0], sealed[1]).replace("水发黑", "水发红").getBytes(StandardCharsets.UTF_8);
        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-bad:DUP1", first, Map.of());
        cases.add(new KafkaCase("ticket reused for a different report", "hotline-bad:DUP1", second, Map.of(), "ticket-conflict", "externalTicketId"));
        cases.forEach(c -> produce(Topics.COMPLAINTS_SUBMITTED, c.key(), c.value(), c.headers()));
        byte[] after = Reports.submitted("hotline-bad", "GOOD-AFTER", sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8);
        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-bad:GOOD-AFTER", after, Map.of());

        Map<String, ConsumerRecord<String, byte[]>> dead = new HashMap<>();
        Map<String, ComplaintRejected> rejected = new HashMap<>();
        EventCodec codec = new EventCodec();
        try (TopicProbe dlt = new TopicProbe(brokers, Topics.deadLetterOf(Topics.COMPLAINTS_SUBMITTED));
             TopicProbe rej = new TopicProbe(brokers, Topics.COMPLAINTS_REJECTED)) {
            // records of the batch test, should it have run first, are not this table's
            awaitRecords(dlt, r -> !r.key().startsWith("hotline-batch:"), cases.size()).forEach(r -> dead.put(r.key(), r));
            awaitRecords(rej, r -> !r.key().startsWith("hotline-batch:"), cases.size()).forEach(r -> {
                ComplaintRejected e = (ComplaintRejected) codec.decode(TopicProbe.header(r, CloudEventHeaders.TYPE), r.value());
                rejected.put(r.key(), e);
            });
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (KafkaCase c : cases) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                ConsumerRecord<String, byte[]> d = dead.get(c.key());
                assertThat(d).as("dead letter for " + c.key()).isNotNull();
                assertThat(TopicProbe.header(d, CloudEventHeaders.DLT_REASON)).isEqualTo(c.reason());
                assertThat(TopicProbe.header(d, CloudEventHeaders.DLT_DETAIL)).contains(c.field());
                assertThat(TopicProbe.header(d, CloudEventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.COMPLAINTS_SUBMITTED);
                assertThat(new String(d.value(), StandardCharsets.UTF_8)).doesNotContain("13912345678");
                // the rejection is keyed by the ticket the record names, which for a malformed id is not the record key
                ComplaintRejected r = rejected.get(c.name().equals("externalTicketId with spaces") ? "hotline-bad:a b" : c.key());
                assertThat(r).as("rejection for " + c.key()).isNotNull();
                assertThat(r.reason()).isEqualTo(c.reason());
                assertThat(r.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain("13912345678"));
                assertThat(r.errors()).extracting(e -> e.field()).contains(c.field());
            }));
        }
        tests.add(DynamicTest.dynamicTest("the consumer goes on and the dead letters are counted", () -> {
            try (TopicProbe reg = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                boolean seen = false;
                while (!seen && System.nanoTime() < end) {
                    seen = reg.await(Integer.MAX_VALUE, Duration.ofSeconds(1)).stream()
                            .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("GOOD-AFTER"));
                }
                assertThat(seen).as("the good record after the bad ones was registered").isTrue();
            }
            assertThat(deadLettersCounted() - countedBefore).isEqualTo(cases.size());
        }));
        return tests.stream();
    }

    @Test
    void aBrokenRecordInTheMiddleOfABatchGoesAloneToTheDeadLettersAndTheRecordsAroundItAreRegistered() {
        String[] sealed = Seal.phone(KEYS.publicKeyset(), "13912345678");
        Map<String, String> ce = Map.of(CloudEventHeaders.TYPE, "complaint.submitted.v1");
        // one partition, sent together: the three records reach the consumer in one poll
        produceAsync(Topics.COMPLAINTS_SUBMITTED, "hotline-batch:P1",
                Reports.submitted("hotline-batch", "P1", sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8), ce);
        produceAsync(Topics.COMPLAINTS_SUBMITTED, "hotline-batch:POISON", "{\"sourceSystem\":".getBytes(StandardCharsets.UTF_8), ce);
        produceAsync(Topics.COMPLAINTS_SUBMITTED, "hotline-batch:P2",
                Reports.submitted("hotline-batch", "P2", sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8), ce);
        flush();

        try (TopicProbe dlt = new TopicProbe(brokers, Topics.deadLetterOf(Topics.COMPLAINTS_SUBMITTED));
             TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
            List<ConsumerRecord<String, byte[]>> dead = awaitRecords(dlt, r -> r.key().startsWith("hotline-batch:"), 1);
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("hotline-batch:POISON");
                assertThat(TopicProbe.header(r, CloudEventHeaders.DLT_REASON)).isEqualTo("malformed-json");
            });
            EventCodec codec = new EventCodec();
            assertThat(awaitRecords(registered, r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"hotline-batch\""), 2))
                    .extracting(r -> ((ComplaintRegistered) codec.decode(TopicProbe.header(r, CloudEventHeaders.TYPE), r.value()))
                            .externalTicketId())
                    .containsExactlyInAnyOrder("P1", "P2");
        }
    }

    /** What the probe has seen that matches, once {@code count} have or 60 seconds passed. */
    private static List<ConsumerRecord<String, byte[]>> awaitRecords(TopicProbe probe, java.util.function.Predicate<ConsumerRecord<String, byte[]>> which,
                                                                     int count) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, byte[]>> found;
        do {
            found = probe.await(Integer.MAX_VALUE, Duration.ofMillis(500)).stream().filter(r -> r.key() != null && which.test(r)).toList();
        } while (found.size() < count && System.nanoTime() < end);
        return found;
    }

    private double deadLettersCounted() {
        return meters.find("pollution.dead.letters").tag("topic", Topics.COMPLAINTS_SUBMITTED).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    // --- table helpers ---

    private static Arguments http(String name, String body, int status, String reason, String field) {
        return Arguments.of(name, body, status, reason, field);
    }

    private static String edit(UnaryOperator<tools.jackson.databind.node.ObjectNode> change) {
        return change.apply((tools.jackson.databind.node.ObjectNode) JSON.readTree(GOOD)).toString();
    }

    private static String without(String field) {
        return edit(o -> {
            o.remove(field);
            return o;
        });
    }

    private static tools.jackson.databind.node.ObjectNode put(tools.jackson.databind.node.ObjectNode o, String name, Object value) {
        if (value instanceof Integer i) {
            o.put(name, i);
        } else {
            o.put(name, (String) value);
        }
        return o;
    }
}
