package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.complaint.intake.ComplaintRules;
import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.json.ComplaintForms;
import cn.luoyang.pollution.complaint.intake.json.RawJson;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.intake.persistence.MongoTrackingNumbers;
import cn.luoyang.pollution.complaint.support.Movies;
import cn.luoyang.pollution.complaint.support.Photos;
import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.Seal;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.complaint.support.TopicContents;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.testing.TopicProbe;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every intake channel's happy path, idempotency under HTTP retry and Kafka redelivery, and the
 * outbox's promise that a crash between MongoDB and Kafka loses nothing. The scheduled relay is
 * slowed to an hour here so that each pass in a test is one the test ran.
 */
@TestPropertySource(properties = "complaints.outbox.relay-interval=PT1H")
class IntakeTest extends ServiceHarness {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    GridFsTemplate mediaStore;
    @Autowired
    MongoComplaints complaints;
    @Autowired
    MongoTrackingNumbers trackingNumbers;
    @Autowired
    ComplaintRules rules;
    @Autowired
    ComplaintForms forms;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Outbox outbox;
    @Autowired
    EventPublisher publisher;

    @Test
    void nativeReportIsRegisteredWithATrackingNumberAndPublishedWithTheSealedPhone() {
        HttpResponse<String> answer = postJson("/api/complaints", Reports.nativeReport("13812345678"), Map.of());

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(answer.body());
        String trackingNumber = body.get("trackingNumber").stringValue();
        assertThat(trackingNumber).matches("LY\\d{8}-\\d{10}");
        assertThat(body.get("status").stringValue()).isEqualTo("RECEIVED");
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/complaints/" + trackingNumber);

        ComplaintRegistered event = registered(body.get("complaintId").stringValue()).get(0);
        assertThat(event.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(event.reporter().maskedPhone()).isEqualTo("138****5678");
        assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(event.reporter().sealedPhone())).isEqualTo("13812345678");
        assertThat(event.channel().name()).isEqualTo("WECHAT");
        assertThat(event.rewardRequested()).isTrue();
        assertThat(outboxOf(event.complaintId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "+86 138 2000 0001|MOBILE|13820000001|138****0001",
        "0379-63211234|LANDLINE|+8637963211234|0379-****1234",
        "63211235|LANDLINE|+8637963211235|0379-****1235",
        "+44 20 7946 0958|FOREIGN|+442079460958|+44-****0958",
        "12812345678|UNPARSED|12812345678|****5678",
        "12345|UNPARSED|12345|****"})
    void everyPhoneFormIsAcceptedAndSealedInItsNormalFormWithItsKindAndMask(String phone, String kind, String normalForm,
            String masked) {
        HttpResponse<String> answer = postJson("/api/complaints", Reports.nativeReport(phone), Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String complaintId = field(answer, "complaintId");
        ComplaintRegistered event = registered(complaintId).get(0);
        assertThat(event.reporter().phoneKind()).isEqualTo(kind);
        assertThat(event.reporter().maskedPhone()).isEqualTo(masked);
        assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(event.reporter().sealedPhone())).isEqualTo(normalForm);
        String stored = mongo.findById(complaintId, org.bson.Document.class, "complaints").toJson();
        assertThat(stored).contains(masked, kind).doesNotContain(normalForm);
        assertThat(answer.body()).doesNotContain(normalForm);
    }

    @Test
    void httpRetryWithTheSameIdempotencyKeyAnswersWithTheFirstComplaint() {
        Map<String, String> key = Map.of("Idempotency-Key", "wx-retry-1");
        HttpResponse<String> first = postJson("/api/complaints", Reports.nativeReport("13900001111"), key);
        HttpResponse<String> retry = postJson("/api/complaints", Reports.nativeReport("13900001111"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(field(retry, "trackingNumber")).isEqualTo(field(first, "trackingNumber"));
        assertThat(mongo.count(Query.query(Criteria.where("naturalKey").is("web:wx-retry-1")), "complaints")).isEqualTo(1);
        assertThat(registered(field(first, "complaintId"))).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithADifferentReportIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "wx-conflict-1");
        assertThat(postJson("/api/complaints", Reports.nativeReport("13900002222"), key).statusCode()).isEqualTo(201);

        HttpResponse<String> other = postJson("/api/complaints", Reports.anonymousReport(), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("ticket-conflict").doesNotContain("LY");
    }

    @Test
    void aPublicCallerNamingTheHotlineCannotClaimItsTicket() {
        String claim = Reports.anonymousReport().replace("\"reporter\"", "\"sourceSystem\":\"hotline-12345\",\"externalTicketId\":\"T-CLAIM-1\",\"reporter\"");
        HttpResponse<String> outsider = postJson("/api/complaints", claim, Map.of());
        HttpResponse<String> again = postJson("/api/complaints", claim, Map.of());
        String[] sealed = Seal.phone(KEYS.publicKeyset(), "13700004444");
        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-12345:T-CLAIM-1",
                Reports.submitted("hotline-12345", "T-CLAIM-1", sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "complaint.submitted.v1"));

        eventually(Duration.ofSeconds(30), () -> complaints.byNaturalKey("hotline-12345:T-CLAIM-1").isPresent(), "the hotline's complaint");
        assertThat(outsider.statusCode()).as(outsider.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(field(again, "trackingNumber")).isEqualTo(field(outsider, "trackingNumber"));
        var hotlines = complaints.byNaturalKey("hotline-12345:T-CLAIM-1").orElseThrow();
        var outsiders = complaints.byNaturalKey("web:hotline-12345:T-CLAIM-1").orElseThrow();
        assertThat(outsiders.id()).isEqualTo(field(outsider, "complaintId")).isNotEqualTo(hotlines.id());
        assertThat(hotlines.draft().description()).isEqualTo("河边暗管排污, 水发黑");
        assertThat(registered(hotlines.id())).extracting(ComplaintRegistered::sourceSystem).containsExactly("hotline-12345");
        assertThat(registered(outsiders.id())).extracting(ComplaintRegistered::sourceSystem).containsExactly("web:hotline-12345");
        assertThat(TopicContents.all(brokers, Topics.deadLetterOf(Topics.COMPLAINTS_SUBMITTED))).extracting(ConsumerRecord::key)
                .doesNotContain("hotline-12345:T-CLAIM-1");
    }

    @Test
    void redeliveredAndReplayedHotlineRecordsYieldOneComplaint() {
        String[] sealed = Seal.phone(KEYS.publicKeyset(), "13700003333");
        byte[] record = Reports.submitted("hotline-12369", "T-REDELIVER-1", sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(CloudEventHeaders.TYPE, "complaint.submitted.v1");

        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-12369:T-REDELIVER-1", record, headers);
        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-12369:T-REDELIVER-1", record, headers);
        eventually(Duration.ofSeconds(30), () -> complaints.byNaturalKey("hotline-12369:T-REDELIVER-1").isPresent(), "the complaint");
        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-12369:T-REDELIVER-1", record, Map.of()); // a replay, without CloudEvents headers
        String complaintId = complaints.byNaturalKey("hotline-12369:T-REDELIVER-1").orElseThrow().id();

        List<ComplaintRegistered> events = registered(complaintId);
        // the consumer has processed all three once a later record is through
        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-12369:T-MARKER-1",
                Reports.submitted("hotline-12369", "T-MARKER-1", null, null).getBytes(StandardCharsets.UTF_8), headers);
        eventually(Duration.ofSeconds(30), () -> complaints.byNaturalKey("hotline-12369:T-MARKER-1").isPresent(), "the marker");

        assertThat(mongo.count(Query.query(Criteria.where("naturalKey").is("hotline-12369:T-REDELIVER-1")), "complaints")).isEqualTo(1);
        assertThat(registered(complaintId)).hasSize(1).isEqualTo(events);
        assertThat(events.get(0).reporter().maskedPhone()).isEqualTo("137****3333");
        assertThat(events.get(0).sourceSystem()).isEqualTo("hotline-12369");
        assertThat(events.get(0).location().datum().name()).isEqualTo("GCJ02");
    }

    @Test
    void aComplaintStoredButNeverPublishedIsPublishedByTheRelaysNextPass() {
        AtomicBoolean brokerReachable = new AtomicBoolean(false);
        OutboxRelay dyingRelay = relay((topic, event) -> {
            if (!brokerReachable.get()) {
                throw new IllegalStateException("broker unreachable, or the process died before the broker took the event");
            }
        });
        IntakeService crashing = new IntakeService(rules, complaints, trackingNumbers, dyingRelay, Clock.systemUTC(), Duration.ZERO);
        var read = forms.readNative(RawJson.parse(Reports.nativeReport("13600004444").getBytes(StandardCharsets.UTF_8), 65536), "crash-1");

        String complaintId = crashing.register(read.draft(), read.errors()).complaint().id();
        assertThat(complaints.byNaturalKey("web:crash-1")).isPresent();
        assertThat(outboxOf(complaintId)).hasSize(1);

        assertThat(relay.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(relay.sweep()).isZero();

        assertThat(registered(complaintId)).hasSize(1);
        assertThat(outboxOf(complaintId)).isEmpty();
    }

    @Test
    void aCrashAfterPublishingButBeforeMarkingRepublishesTheSameEventId() {
        var read = forms.readNative(RawJson.parse(Reports.nativeReport("13600005555").getBytes(StandardCharsets.UTF_8), 65536), "crash-2");
        OutboxRelay none = relay((t, e) -> {
            throw new IllegalStateException("killed");
        });
        IntakeService storeOnly = new IntakeService(rules, complaints, trackingNumbers, none, Clock.systemUTC(), Duration.ZERO);
        String complaintId = storeOnly.register(read.draft(), read.errors()).complaint().id();
        AtomicBoolean firstPublish = new AtomicBoolean(true);
        OutboxRelay interrupted = relay((topic, event) -> {
            publisher.publish(topic, event);
            if (firstPublish.getAndSet(false)) {
                throw new IllegalStateException("killed after the broker took the event");
            }
        });

        assertThatThrownBy(interrupted::sweep).hasMessageContaining("killed after");
        assertThat(outboxOf(complaintId)).as("the killed pass removed nothing").hasSize(1);
        interrupted.sweep();

        List<ConsumerRecord<String, byte[]>> records = registeredRecords(complaintId, 2);
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID)).containsOnly(
                TopicProbe.header(records.get(0), CloudEventHeaders.ID));
        assertThat(outboxOf(complaintId)).isEmpty();
    }

    /** Another relay on the complaints, as a process that fails or dies would run it. */
    private OutboxRelay relay(EventSink sink) {
        return new OutboxRelay(mongo, MongoComplaints.COLLECTION, outbox, sink, Clock.systemUTC(), Duration.ofMinutes(1));
    }

    @Test
    void aReportWhosePlaceIsOnlyInItsWordsIsAcceptedAndPublishedForDispatchToRead() {
        String prose = Reports.nativeReport("13812340077")
                .replaceAll("\"location\"\\s*:\\s*\\{[^}]*\\},?", "")
                .replaceAll("\"addressText\"\\s*:\\s*\"[^\"]*\",?", "")
                .replace("工地夜间未覆盖", "洛阳市涧西区中州西路的工地夜间未覆盖");
        assertThat(prose).doesNotContain("location").doesNotContain("addressText");

        HttpResponse<String> answer = postJson("/api/complaints", prose, Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        ComplaintRegistered event = registered(field(answer, "complaintId")).get(0);
        assertThat(event.location()).isNull();
        assertThat(event.addressText()).isNull();
        assertThat(event.description()).contains("洛阳市涧西区中州西路");
    }

    @Test
    void trackingNumbersAreUniqueAndFollowTheDailyFormat() {
        var day = java.time.LocalDate.of(2026, 11, 28);
        List<String> numbers = java.util.stream.IntStream.range(0, 45).mapToObj(i -> trackingNumbers.next(day)).toList();
        MongoTrackingNumbers otherReplica = new MongoTrackingNumbers(mongo, 20);
        List<String> others = java.util.stream.IntStream.range(0, 25).mapToObj(i -> otherReplica.next(day)).toList();

        assertThat(numbers).allMatch(n -> n.matches("LY20261128-\\d{10}")).doesNotHaveDuplicates();
        assertThat(others).doesNotContainAnyElementsOf(numbers).doesNotHaveDuplicates();
    }

    @Test
    void uploadedPhotoIsStoredWithoutItsExifAndServedAsAFileThatRunsNothing() throws Exception {
        byte[] jpeg = Photos.jpegWithGps(64, 48);
        String boundary = "----b" + System.nanoTime();
        byte[] body = multipart(boundary, "photo.jpg", "image/jpeg", jpeg);

        HttpResponse<String> uploaded = postBytes("/api/media", "multipart/form-data; boundary=" + boundary, body);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String url = field(uploaded, "url");
        assertThat(url).startsWith("gridfs:");
        HttpResponse<byte[]> back = http.send(HttpRequest.newBuilder(uri("/api/media/" + url.substring(7))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(Photos.jpegMarkers(back.body())).doesNotContain(0xE1, 0xFE).contains(0xDA);
        assertThat(Photos.contains(back.body(), "Exif")).isFalse();
        assertThat(Photos.contains(back.body(), Photos.COMMENT)).isFalse();
        assertThat(Photos.read(back.body())).satisfies(image -> {
            assertThat(image.getWidth()).isEqualTo(64);
            assertThat(image.getHeight()).isEqualTo(48);
        });
        assertThat(json.readTree(uploaded.body()).get("sizeBytes").asLong()).isEqualTo(back.body().length);
        GridFSFile stored = mediaStore.findOne(Query.query(Criteria.where("metadata.publicId").is(url.substring(7))));
        try (InputStream in = mediaStore.getResource(stored).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(back.body());
        }
        assertThat(back.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(back.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(back.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + url.substring(7) + ".jpeg\"");
        assertThat(back.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; img-src 'self'; media-src 'self'; sandbox");
        assertThat(back.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
        assertThat(back.headers().allValues("Cache-Control")).containsExactly("max-age=86400, private");
    }

    @Test
    void aPhotoThatDoesNotDecodeAndAFileThatIsNoPhotoAreRefusedOnTheFileField() {
        String boundary = "----b" + System.nanoTime();
        byte[] corrupt = java.util.Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 2048);
        HttpResponse<String> unreadable = postBytes("/api/media", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "photo.jpg", "image/jpeg", corrupt));
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unreadable.body()).contains("\"field\":\"file\"").contains("could not be read as image/jpeg");

        HttpResponse<String> fake = postBytes("/api/media", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "photo.jpg", "image/jpeg", "MZ not a photo".getBytes(StandardCharsets.UTF_8)));
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(fake.body()).contains("\"field\":\"file\"").contains("content is not image/jpeg");
        HttpResponse<String> pdf = postBytes("/api/media", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "a.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)));
        assertThat(pdf.statusCode()).isEqualTo(400);
        byte[] heic = java.util.Arrays.copyOf(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 1024);
        HttpResponse<String> iphone = postBytes("/api/media", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "IMG_0001.HEIC", "image/heic", heic));
        assertThat(iphone.statusCode()).isEqualTo(400);
        assertThat(iphone.body()).contains("\"field\":\"file\"").contains("location data cannot be removed here");
    }

    @Test
    void uploadIdsAreUnguessableAndTheStoresOwnIdIsNoAddress() throws Exception {
        String boundary = "----b" + System.nanoTime();
        byte[] body = multipart(boundary, "photo.png", "image/png", Photos.pngWithText(8, 8));
        String first = field(postBytes("/api/media", "multipart/form-data; boundary=" + boundary, body), "url").substring(7);
        String second = field(postBytes("/api/media", "multipart/form-data; boundary=" + boundary, body), "url").substring(7);

        // 128 random bits each: no shared prefix or suffix the way ObjectIds share a time and a counter
        assertThat(first).matches("[A-Za-z0-9_-]{22}");
        assertThat(second).matches("[A-Za-z0-9_-]{22}");
        assertThat(commonPrefix(first, second) + commonPrefix(reverse(first), reverse(second))).isLessThan(4);
        GridFSFile stored = mediaStore.findOne(Query.query(Criteria.where("metadata.publicId").is(first)));
        String objectId = stored.getObjectId().toHexString();

        HttpResponse<String> byObjectId = get("/api/media/" + objectId);
        HttpResponse<String> unknown = get("/api/media/" + new ObjectId().toHexString());
        HttpResponse<String> unknownPublic = get("/api/media/AAAAAAAAAAAAAAAAAAAAAA");
        HttpResponse<byte[]> byPublicId = http.send(HttpRequest.newBuilder(uri("/api/media/" + first)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(byObjectId.statusCode()).isEqualTo(404);
        assertThat(withoutInstance(byObjectId.body())).isEqualTo(withoutInstance(unknown.body()))
                .isEqualTo(withoutInstance(unknownPublic.body()));
        assertThat(byPublicId.statusCode()).isEqualTo(200);
        assertThat(byPublicId.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(byPublicId.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + first + ".png\"");
        assertThat(byPublicId.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; img-src 'self'; media-src 'self'; sandbox");
        assertThat(byPublicId.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Photos.read(byPublicId.body()).getWidth()).isEqualTo(8);
        assertThat(mongo.getCollection("media.files").listIndexes().map(i -> i.getString("name")).into(new java.util.ArrayList<>()))
                .contains("public_id");
    }

    @Test
    void aVideoIsStoredWithoutItsLocationAtTheSameSize() throws Exception {
        byte[] mp4 = Movies.phoneVideo(4096);
        String boundary = "----b" + System.nanoTime();

        HttpResponse<String> uploaded = postBytes("/api/media", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "clip.mp4", "video/mp4", mp4));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String id = field(uploaded, "url").substring(7);
        HttpResponse<byte[]> back = http.send(HttpRequest.newBuilder(uri("/api/media/" + id)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(back.body()).hasSameSizeAs(mp4);
        assertThat(Movies.contains(back.body(), "+34.6197")).isFalse();
        assertThat(Movies.contains(back.body(), "ISO6709")).isFalse();
        assertThat(java.util.Arrays.copyOfRange(back.body(), mp4.length - 4096, mp4.length)).isEqualTo(Movies.media(4096));
        assertThat(json.readTree(uploaded.body()).get("sizeBytes").asLong()).isEqualTo(mp4.length);
        GridFSFile stored = mediaStore.findOne(Query.query(Criteria.where("metadata.publicId").is(id)));
        try (InputStream in = mediaStore.getResource(stored).getInputStream()) {
            assertThat(Movies.contains(in.readAllBytes(), "+34.6197")).isFalse();
        }
        assertThat(back.headers().firstValue("Content-Type")).hasValue("video/mp4");

        byte[] broken = java.util.Arrays.copyOf(Movies.ftyp(), 4096); // ftyp, then no box that adds up
        HttpResponse<String> refused = postBytes("/api/media", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "clip.mov", "video/quicktime", broken));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"file\"").contains("could not be read as video/quicktime");
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    @Test
    void thePublicKeyIsServedAndSealsWhatOnlyThePrivateKeyOpens() {
        HttpResponse<String> answer = get("/api/reporter-contact-key");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        String keyset = body.get("keyset").toString();
        String sealed = cn.luoyang.pollution.kit.contact.ContactSealer.withPublicKeyset(keyset).seal("13512345678");
        assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(sealed)).isEqualTo("13512345678");
        assertThat(answer.body()).doesNotContain("privateKey").contains("luoyang-pollution/reporter-contact/v1");
    }

    @Test
    void openApiDocumentIsServedBySpringdoc() {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/complaints").contains("/open311/v2/requests.{format}").contains("NativeComplaint");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    // --- helpers ---

    private List<ComplaintRegistered> registered(String complaintId) {
        return registeredRecords(complaintId, 1).stream()
                .map(r -> (ComplaintRegistered) codec.decode("complaint.registered.v1", r.value())).toList();
    }

    /** The complaint's records on complaints.registered once at least {@code atLeast} are there and the topic is read to its end. */
    private List<ConsumerRecord<String, byte[]>> registeredRecords(String complaintId, int atLeast) {
        return TopicContents.until(brokers, Topics.COMPLAINTS_REGISTERED,
                        seen -> seen.stream().filter(r -> complaintId.equals(r.key())).count() >= atLeast, Duration.ofSeconds(20))
                .stream().filter(r -> complaintId.equals(r.key())).toList();
    }

    private List<?> outboxOf(String complaintId) {
        org.bson.Document doc = mongo.findById(complaintId, org.bson.Document.class, "complaints");
        return doc.getList("outbox", Object.class);
    }

    private String field(HttpResponse<String> response, String name) {
        return json.readTree(response.body()).get(name).stringValue();
    }

    private static byte[] multipart(String boundary, String filename, String type, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }
}
