package cn.luoyang.pollution.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.fixtures.MovableClock;
import cn.luoyang.pollution.notification.fixtures.SenderRig;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.survey.Rating;
import cn.luoyang.pollution.notification.survey.Survey;
import cn.luoyang.pollution.notification.survey.persistence.MongoSurveys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's outbox under notification's stores, on the embedded server: a change stored while the
 * broker is away (or the process dies before publishing) is published once by the next sweep, each
 * change its own event; two instances sweeping one collection side by side publish each event once.
 */
class NotifiedOnceAfterACrashTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");
    private final MongoFixture mongo = new MongoFixture();
    private final MovableClock clock = new MovableClock(T0, ZoneOffset.UTC);
    private final SenderRig rig = new SenderRig(mongo.template(), clock);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aChangeStoredWhileTheBrokerWasAwayIsPublishedOnceByTheNextSweep() {
        String id = rig.queue(1);
        rig.brokerDown = true;
        rig.sender.sendDue();
        assertThat(rig.published).as("nothing reached the broker").isEmpty();

        rig.brokerDown = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(rig.relay.sweep()).isEqualTo(1);
        assertThat(rig.relay.sweep()).as("a second sweep finds nothing").isZero();
        assertThat(rig.published).containsExactly(id + " SENT");
    }

    @Test
    void twoQuickChangesAreTwoEventsInTheirOrder() {
        String id = rig.queue(2);
        rig.brokerDown = true;
        rig.sender.sendDue();
        SmsMessage sent = rig.messages.byId(id).orElseThrow();
        sent.delivered(T0.plusSeconds(1)); // the carrier's receipt, while SENT's event still waits
        assertThat(rig.messages.save(sent)).isTrue();
        rig.brokerDown = false;
        rig.relay.sweep();
        assertThat(rig.published).filteredOn(p -> p.startsWith(id)).containsExactly(id + " SENT", id + " DELIVERED");
    }

    @Test
    void twoInstancesSweepingTheSameOutboxesPublishEachEventOnce() throws Exception {
        List<String> ids = IntStream.range(10, 40).mapToObj(rig::queue).toList();
        rig.brokerDown = true;
        while (rig.sender.sendDue() > 0) {
            // every message sent, none of their events published
        }
        rig.brokerDown = false;
        List<String> published = new CopyOnWriteArrayList<>();
        OutboxRelay a = instance(published);
        OutboxRelay b = instance(published);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> byA = both.submit(() -> {
                start.await();
                return a.sweep();
            });
            Future<Integer> byB = both.submit(() -> {
                start.await();
                return b.sweep();
            });
            start.countDown();
            assertThat(byA.get() + byB.get()).isEqualTo(published.size());
        } finally {
            both.shutdownNow();
        }
        assertThat(published).as("each SENT once, by one instance or the other")
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + "|SENT").toList());
    }

    @Test
    void aSurveyAnswerStoredJustBeforeACrashIsPublishedOnceWithItsDerivedId() {
        MongoSurveys surveys = new MongoSurveys(mongo.template());
        surveys.open(Survey.open("msg-1", "CASE-1", "c-1", "hash-1", T0));
        // the process dies right after this write: nobody calls publishSoon
        assertThat(surveys.answer(surveys.latestOpen("hash-1", T0).orElseThrow().answer(Rating.UNSATISFIED, T0))).isTrue();

        List<Event> out = new CopyOnWriteArrayList<>();
        OutboxRelay relay = new OutboxRelay(mongo.template(), MongoSurveys.COLLECTION, new Outbox(new EventCodec()),
                (topic, event) -> out.add(event), clock, Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweep()).isEqualTo(1);
        assertThat(relay.sweep()).isZero();
        ReporterFeedbackReceived feedback = (ReporterFeedbackReceived) out.get(0);
        assertThat(feedback.eventId()).isEqualTo(UUID.nameUUIDFromBytes("feedback|msg-1".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(feedback.caseId()).isEqualTo("CASE-1");
        assertThat(feedback.rating()).isEqualTo(Satisfaction.UNSATISFIED);
    }

    private OutboxRelay instance(List<String> published) {
        return new OutboxRelay(mongo.template(), MongoMessages.COLLECTION, new Outbox(new EventCodec()),
                (topic, event) -> published.add(((ReporterNotified) event).messageId() + "|" + ((ReporterNotified) event).status()),
                clock, Duration.ofMinutes(1));
    }
}
