package cn.luoyang.pollution.enforcement.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.Registrations;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.OnePartition;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The reporters' accounts (举报内容) on the console's case page, over the real broker, the embedded
 * MongoDB and HTTP, signed in as the lead unit's handler: the account of {@code complaints.registered}
 * joins the case of {@code cases.dispatched} whichever comes first, phone numbers masked, merged
 * co-reports listed, redelivery kept once, an account or a note without a complaint id dead-lettered alone from
 * the middle of a batch; a
 * reporter's later note ({@code complaints.notes}) shown with its account, on the page and in the API.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class ReporterAccountsPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Instant T = Instant.parse("2026-11-27T01:00:00Z");
    private static final String UPLOAD = "Hx3fQm9TzV1cK8aLpR2wYg";

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** complaint-service's public {@code /api/media/{id}}, which the console passes photos through from. */
    static final WireMockServer complaints = new WireMockServer(options().dynamicPort());

    static {
        complaints.start();
    }

    @DynamicPropertySource
    static void complaintService(DynamicPropertyRegistry registry) {
        registry.add("console.complaint-media-base-url", complaints::baseUrl);
    }

    @AfterAll
    static void stopComplaintService() {
        complaints.stop();
    }

    @BeforeEach
    void signIn() throws Exception {
        signIn(browser, "cg-jianxi");
    }

    private void signIn(HttpClient client, String user) throws Exception {
        Matcher token = CSRF.matcher(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.find()).as("login form carries a CSRF token").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String form = "username=" + user + "&password=luoyang2026&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aRegisteredComplaintThenItsCaseShowsTheMaskedDescriptionAddressAndPhoto() {
        String caseId = "CASE-LY20261127-000501";
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-" + caseId,
                "工地未覆盖裸土, 扬尘很大, 请回电 13812345678", "涧西区天津路 88 号 建业工地东门", T,
                new MediaRef("gridfs:" + UPLOAD, "image/jpeg", 2048), new MediaRef("https://example.org/v.mp4", "video/mp4", 0)));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));

        String page = pageOnceItShows(caseId, "扬尘很大");

        assertThat(page).contains("工地未覆盖裸土, 扬尘很大, 请回电 138****5678", "涧西区天津路 88 号 建业工地东门", "微信", "首次举报")
                .contains("src=\"/console/cases/" + caseId + "/media/" + UPLOAD + "\"", "照片 1", "href=\"https://example.org/v.mp4\"", "视频 2")
                .doesNotContain("13812345678", Registrations.SEALED, Registrations.MASKED_CONTACT, "举报内容尚未同步");
    }

    /** The photo is passed through from complaint-service to whoever may see the case, and only a photo of that case. */
    @Test
    void aReportersPhotoIsServedThroughTheConsoleToThoseWhoMaySeeTheCaseOnly() throws Exception {
        String caseId = "CASE-LY20261127-000505";
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        complaints.stubFor(WireMock.get("/api/media/" + UPLOAD).willReturn(WireMock.aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-" + caseId, "工地扬尘照片", "天津路", T,
                new MediaRef("gridfs:" + UPLOAD, "image/jpeg", 7)));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        pageOnceItShows(caseId, "工地扬尘照片");

        HttpResponse<byte[]> photo = bytes(browser, "/console/cases/" + caseId + "/media/" + UPLOAD);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).isEqualTo(jpeg);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(photo.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("private"));
        assertThat(bytes(browser, "/console/cases/" + caseId + "/media/AAAAAAAAAAAAAAAAAAAAAA").statusCode())
                .as("an upload that is not this case's").isEqualTo(404);

        HttpClient otherUnit = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(otherUnit, "cg-laocheng");
        assertThat(bytes(otherUnit, "/console/cases/" + caseId + "/media/" + UPLOAD).statusCode()).as("another unit").isEqualTo(403);
        complaints.verify(1, WireMock.getRequestedFor(WireMock.urlEqualTo("/api/media/" + UPLOAD)));
    }

    private HttpResponse<byte[]> bytes(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "image/*,text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aCaseWhoseAccountHasNotArrivedSaysSoThenListsItAndAMergedCoReportOldestFirst() {
        String caseId = "CASE-LY20261127-000502";
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        assertThat(pageOnceItShows(caseId, "id=\"accounts\"")).contains("举报内容尚未同步");

        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.merged(caseId, "cmp-co-502"));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-co-502", "第二位举报人: 同一工地夜间还在施工", "天津路建业工地",
                T.plusSeconds(3600)));
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-" + caseId, "第一位举报人: 工地扬尘", "天津路 88 号", T));

        String page = pageOnceItShows(caseId, "第一位举报人", "第二位举报人");

        assertThat(page).doesNotContain("举报内容尚未同步").contains("合并举报", "LY-cmp-co-502");
        assertThat(page.indexOf("第一位举报人")).isLessThan(page.indexOf("第二位举报人"));
    }

    @Test
    void aRedeliveredOrRepeatedRegistrationChangesNothing() {
        String caseId = "CASE-LY20261127-000503";
        ComplaintRegistered first = Registrations.of("cmp-" + caseId, "原始描述: 露天焚烧垃圾", "洛龙区开元大道", T);
        publisher.publish(Topics.COMPLAINTS_REGISTERED, first);
        publisher.publish(Topics.COMPLAINTS_REGISTERED, first); // redelivery
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-" + caseId, "后来的副本: 不应出现", "别处", T.plusSeconds(60)));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        // a later record on the same (single) partition: once it is kept, the three above were read
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of("cmp-marker-503", "marker", "marker", T));
        Eventually.until(() -> mongo.count(byId("cmp-marker-503"), "reporter_accounts"), n -> n == 1, Duration.ofSeconds(30));

        String page = pageOnceItShows(caseId, "原始描述");

        assertThat(mongo.count(byId("cmp-" + caseId), "reporter_accounts")).isEqualTo(1);
        assertThat(page.split("原始描述", -1)).hasSize(2);
        assertThat(page).doesNotContain("后来的副本");
        Document kept = mongo.findOne(byId("cmp-" + caseId), Document.class, "reporter_accounts");
        assertThat(kept.toJson()).doesNotContain(Registrations.SEALED, Registrations.MASKED_CONTACT);
    }

    /** Issue 14: a reporter's follow-up through their Open311 client reaches the handler, before or after the account. */
    @Test
    void aReportersLaterNoteShowsOnThePageAndInTheApiOnceWhicheverArrivesFirst() {
        String caseId = "CASE-LY20261127-000504";
        String complaintId = "cmp-" + caseId;
        ReporterNoteAdded note = new ReporterNoteAdded("ev-note-504", complaintId, "LY-" + complaintId, caseId, "fixmystreet",
                "update-77", "补充: 晚上十点以后更严重, 电话 13812345678", null, T.plusSeconds(7200), T.plusSeconds(7260),
                ReporterNoteAdded.VERSION);
        publisher.publish(Topics.COMPLAINTS_NOTES, note);
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Registrations.of(complaintId, "工地夜间施工扬尘", "天津路", T));
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"));
        publisher.publish(Topics.COMPLAINTS_NOTES, note); // redelivered

        String page = pageOnceItShows(caseId, "工地夜间施工扬尘", "晚上十点以后更严重");

        assertThat(page).contains("举报人补充说明", "经 fixmystreet").doesNotContain("13812345678");
        assertThat(page.split("晚上十点以后更严重", -1)).hasSize(2);
        HttpResponse<String> api = apiGet("/api/cases/" + caseId + "/reports", "cg-jianxi");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"noteId\":\"fixmystreet:update-77\"", "晚上十点以后更严重", "工地夜间施工扬尘")
                .doesNotContain("13812345678");
        assertThat(apiGet("/api/cases/" + caseId + "/reports", "cg-laocheng").statusCode()).as("another unit").isEqualTo(403);
    }

    private HttpResponse<String> apiGet(String path, String user) {
        try {
            String basic = java.util.Base64.getEncoder().encodeToString((user + ":luoyang2026").getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A registration without a complaint id between two good ones, on one partition in one flush (so, as a rule, one
     * poll of the batch consumer): it alone goes to the dead letters with its reason; the accounts around it are kept.
     */
    @Test
    void aRegistrationWithoutAComplaintIdInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersAreKept() {
        sendInOneFlush(Topics.COMPLAINTS_REGISTERED,
                Registrations.of("cmp-before-dlt", "之前的举报", "天津路", T),
                Registrations.of(" ", "无编号", "无", T),
                Registrations.of("cmp-after-dlt", "之后的举报", "天津路", T));

        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.COMPLAINTS_REGISTERED))) {
            var records = dead.await(1, Duration.ofSeconds(30));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(TopicProbe.header(r, CloudEventHeaders.ID)).isEqualTo("ev-reg- ");
                assertThat(TopicProbe.header(r, CloudEventHeaders.DLT_REASON)).isEqualTo("missing-complaint-id");
            });
        }
        Eventually.until(() -> mongo.count(byId("cmp-after-dlt"), "reporter_accounts"), n -> n == 1, Duration.ofSeconds(30));
        assertThat(mongo.count(byId("cmp-before-dlt"), "reporter_accounts")).isEqualTo(1);
    }

    /** The same for a note: alone in the dead letters; the notes around it, one of them twice in the batch, kept once. */
    @Test
    void aNoteWithoutAComplaintIdInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersAreKeptOnce() {
        String complaintId = "cmp-notes-505";
        sendInOneFlush(Topics.COMPLAINTS_NOTES, note("ev-note-505a", complaintId, "u-1", "第一次补充"),
                note("ev-note-505x", " ", "u-x", "无编号"), note("ev-note-505b", complaintId, "u-2", "第二次补充"),
                note("ev-note-505a", complaintId, "u-1", "第一次补充"));

        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.COMPLAINTS_NOTES))) {
            var records = dead.await(1, Duration.ofSeconds(30));
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(TopicProbe.header(r, CloudEventHeaders.ID)).isEqualTo("ev-note-505x");
                assertThat(TopicProbe.header(r, CloudEventHeaders.DLT_REASON)).isEqualTo("missing-complaint-id");
            });
        }
        Document kept = Eventually.until(() -> mongo.findOne(byId(complaintId), Document.class, "reporter_accounts"),
                d -> d != null && d.getList("notes", Document.class).size() == 2, Duration.ofSeconds(30));
        assertThat(kept.getList("notes", Document.class)).extracting(n -> n.getString("noteId"))
                .containsExactly("fixmystreet:u-1", "fixmystreet:u-2");
    }

    private static ReporterNoteAdded note(String eventId, String complaintId, String updateId, String text) {
        return new ReporterNoteAdded(eventId, complaintId, "LY-" + complaintId, null, "fixmystreet", updateId, text, null,
                T.plusSeconds(7200), T.plusSeconds(7260), ReporterNoteAdded.VERSION);
    }

    private void sendInOneFlush(String topic, cn.luoyang.pollution.contracts.Event... events) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (cn.luoyang.pollution.contracts.Event event : events) {
                producer.send(OnePartition.record(topic, 0, publisher.toMessage(event)));
            }
            producer.flush();
        }
    }

    private String pageOnceItShows(String caseId, String... texts) {
        return Eventually.until(() -> get("/console/cases/" + caseId), body -> {
            for (String t : texts) {
                if (!body.contains(t)) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(30));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private String get(String path) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
