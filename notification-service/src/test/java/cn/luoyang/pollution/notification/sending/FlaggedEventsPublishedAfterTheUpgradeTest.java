package cn.luoyang.pollution.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.notification.callbacks.persistence.MongoCallbackTasks;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.messages.persistence.ReporterNotifiedEntries;
import cn.luoyang.pollution.notification.survey.persistence.MongoSurveys;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database written by the version before the kit's outbox: documents whose event waited behind an
 * {@code eventPending} / {@code feedbackPending} flag, and those flags' indexes. The stores move each
 * onto the outbox at start (one conditional update per document), so the relay publishes each such
 * event once, with the id the former relay derived, however many instances start at once.
 */
class FlaggedEventsPublishedAfterTheUpgradeTest {

    private static final Instant T0 = Instant.parse("2026-11-20T04:00:00Z");
    private final MongoFixture mongo = new MongoFixture();
    /** The relays sweep a little ahead of the wall clock the start-up stamps the entries with. */
    private final Clock sweepClock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1));
    private final List<Event> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void eachFlaggedDocumentIsPublishedOnceWithTheFormerIdAndLosesItsFlagAndIndex() {
        MongoCollection<Document> messages = collection("sms_messages", "eventPending");
        messages.insertMany(List.of(
                message("m-sent", "c-1", "SENT", true).append("gatewayMessageId", "gw-1"),
                message("m-unreachable", "c-2", "UNREACHABLE", true),
                message("m-done", "c-3", "DELIVERED", false),
                message("m-person", "person:leader-1", "SENT", true)));
        MongoCollection<Document> surveys = collection("surveys", "eventPending");
        surveys.insertMany(List.of(
                new Document("_id", "m-closed").append("caseId", "CASE-1").append("complaintId", "c-4")
                        .append("phoneHash", "h").append("openedAt", Date.from(T0)).append("rating", "UNSATISFIED")
                        .append("answeredAt", Date.from(T0.plusSeconds(60))).append("eventPending", true)
                        .append("eventClaimUntil", Date.from(T0)),
                new Document("_id", "m-open").append("caseId", "CASE-2").append("complaintId", "c-5")
                        .append("phoneHash", "h").append("openedAt", Date.from(T0)).append("rating", null)
                        .append("eventPending", false)));
        MongoCollection<Document> tasks = collection("callback_tasks", "feedbackPending");
        tasks.insertOne(new Document("_id", "task-1").append("messageId", "m-closed-2").append("caseId", "CASE-3")
                .append("complaintId", "c-6").append("milestone", "CLOSED").append("state", "ANSWERED")
                .append("rating", "SATISFIED").append("finishedAt", Date.from(T0.plusSeconds(90)))
                .append("feedbackPending", true).append("version", 3L));

        new MongoMessages(mongo.template());
        new MongoSurveys(mongo.template());
        new MongoCallbackTasks(mongo.template());
        int sent = relay(MongoMessages.COLLECTION).sweep() + relay(MongoSurveys.COLLECTION).sweep()
                + relay(MongoCallbackTasks.COLLECTION).sweep();

        assertThat(sent).isEqualTo(4);
        assertThat(notified()).containsExactlyInAnyOrder("m-sent|SENT", "m-unreachable|UNREACHABLE");
        ReporterNotified sentEvent = published.stream().filter(ReporterNotified.class::isInstance)
                .map(ReporterNotified.class::cast).filter(e -> e.messageId().equals("m-sent")).findFirst().orElseThrow();
        assertThat(sentEvent.eventId()).as("the id the former relay derived")
                .isEqualTo(ReporterNotifiedEntries.eventId("m-sent", "SENT"))
                .isEqualTo(uuid("m-sent|SENT"));
        assertThat(sentEvent.gatewayMessageId()).isEqualTo("gw-1");
        assertThat(sentEvent.complaintId()).isEqualTo("c-1");
        assertThat(feedback()).containsExactlyInAnyOrder(
                uuid("feedback|m-closed") + " CASE-1 UNSATISFIED", uuid("feedback|m-closed-2") + " CASE-3 SATISFIED");

        for (MongoCollection<Document> c : List.of(messages, surveys, tasks)) {
            assertThat(c.countDocuments(new Document("eventPending", true))).isZero();
            assertThat(c.countDocuments(new Document("feedbackPending", true))).isZero();
            assertThat(c.countDocuments(new Document("eventClaimUntil", new Document("$exists", true)))).isZero();
            assertThat(indexNames(c)).doesNotContain("eventPending_1", "feedbackPending_1");
        }
        assertThat(messages.find(new Document("_id", "m-person")).first()).as("a person's message: flag cleared, nothing announced")
                .doesNotContainKey("eventPending");

        new MongoMessages(mongo.template());
        new MongoSurveys(mongo.template());
        new MongoCallbackTasks(mongo.template());
        assertThat(relay(MongoMessages.COLLECTION).sweep() + relay(MongoSurveys.COLLECTION).sweep()
                + relay(MongoCallbackTasks.COLLECTION).sweep()).as("a second start finds nothing to move").isZero();
    }

    @Test
    void twoInstancesStartingAtOnceMoveEachDocumentOnce() throws Exception {
        MongoCollection<Document> messages = collection("sms_messages", "eventPending");
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> "m-" + i).toList();
        messages.insertMany(ids.stream().map(id -> message(id, "c-" + id, "DELIVERED", true)).toList());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<MongoMessages>> starting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starting.add(both.submit(() -> {
                    start.await();
                    return new MongoMessages(mongo.template());
                }));
            }
            start.countDown();
            for (Future<MongoMessages> instance : starting) {
                instance.get();
            }
        } finally {
            both.shutdownNow();
        }
        assertThat(messages.find().into(new ArrayList<>())).allSatisfy(d ->
                assertThat(d.getList(Outbox.FIELD, Document.class)).as("one entry in %s", d.get("_id")).hasSize(1));
        relay(MongoMessages.COLLECTION).sweep();
        assertThat(notified()).containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + "|DELIVERED").toList());
        assertThat(indexNames(messages)).doesNotContain("eventPending_1");
    }

    /** A collection as the former version left it: with its flag's index. */
    private MongoCollection<Document> collection(String name, String flag) {
        MongoCollection<Document> c = mongo.template().getCollection(name);
        c.createIndex(Indexes.ascending(flag), new IndexOptions().name(flag + "_1"));
        assertThat(indexNames(c)).contains(flag + "_1");
        return c;
    }

    private static Document message(String id, String complaintId, String state, boolean pending) {
        return new Document("_id", id).append("subjectId", complaintId).append("milestone", "REGISTERED")
                .append("complaintId", complaintId).append("occurrence", null).append("caseId", null)
                .append("text", "您反映的环境问题已受理。").append("urgent", false).append("queuedAt", Date.from(T0))
                .append("state", state).append("attempts", 1).append("maskedPhone", "139****0001")
                .append("sentAt", Date.from(T0.plusSeconds(1))).append("eventPending", pending)
                .append("savedAt", Date.from(T0.plusSeconds(1))).append("version", 2L);
    }

    private OutboxRelay relay(String collection) {
        return new OutboxRelay(mongo.template(), collection, new Outbox(new EventCodec()), (topic, event) -> published.add(event),
                sweepClock, Duration.ofMinutes(1));
    }

    private List<String> notified() {
        return published.stream().filter(ReporterNotified.class::isInstance).map(ReporterNotified.class::cast)
                .map(e -> e.messageId() + "|" + e.status()).toList();
    }

    private List<String> feedback() {
        return published.stream().filter(ReporterFeedbackReceived.class::isInstance).map(ReporterFeedbackReceived.class::cast)
                .map(e -> e.eventId() + " " + e.caseId() + " " + e.rating()).toList();
    }

    private static List<String> indexNames(MongoCollection<Document> c) {
        return c.listIndexes().into(new ArrayList<>()).stream().map(i -> i.getString("name")).toList();
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
