package cn.luoyang.pollution.notification.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.notification.callbacks.persistence.MongoCallbackTasks;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.fixtures.MovableClock;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.survey.Rating;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The end of a callback (回访) is announced through the tasks' outbox: {@code CallbackCompleted} on
 * {@code reporters.callbacks} for every end, preceded by the survey's {@code ReporterFeedbackReceived}
 * when the reporter answered it; written with the end, so a crash right after it publishes both on the
 * next sweep, once. Real Mongo adapters and the kit's relay; the broker is a list.
 */
class CallbackEndsAreAnnouncedTest {

    private final MongoFixture mongo = new MongoFixture();
    private final MovableClock clock = new MovableClock(Events.T0, ZoneOffset.UTC);
    private final CallbackTasks tasks = new MongoCallbackTasks(mongo.template());
    private final List<String> topics = new CopyOnWriteArrayList<>();
    private final List<Event> published = new CopyOnWriteArrayList<>();
    private volatile boolean brokerDown;
    private final OutboxRelay relay = new OutboxRelay(mongo.template(), MongoCallbackTasks.COLLECTION,
            new Outbox(new EventCodec()), (topic, event) -> {
                if (brokerDown) {
                    throw new IllegalStateException("broker away");
                }
                topics.add(topic);
                published.add(event);
            }, clock, Duration.ofMinutes(1));
    private final Worklist worklist = new Worklist(tasks, new MongoReporterContacts(mongo.template()),
            ContactOpener.withPrivateKeyset(ContactKeys.generate().privateKeyset()), relay::publishSoon, clock,
            Duration.ofHours(2), 2);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aReachedReporterIsOneCallbackCompletedOnTheCallbacksTopic() {
        String id = task("msg-1", Milestone.REGISTERED, null);
        worklist.take(id, "op-1");
        worklist.record(id, "op-1", CallbackOutcome.REACHED, null, "已告知受理编号");

        assertThat(topics).containsExactly(Topics.REPORTERS_CALLBACKS);
        CallbackCompleted completed = (CallbackCompleted) published.get(0);
        assertThat(completed).extracting(CallbackCompleted::taskId, CallbackCompleted::caseId, CallbackCompleted::complaintId,
                CallbackCompleted::milestone, CallbackCompleted::outcome, CallbackCompleted::tries, CallbackCompleted::rating)
                .containsExactly(id, null, "c-msg-1", "REGISTERED", CallbackOutcome.REACHED, 1, null);
        assertThat(completed.occurredAt()).as("when the call was recorded").isBetween(Events.T0, clock.instant());
    }

    @Test
    void aTryThatDidNotReachTheReporterAnnouncesNothingUntilTheLastOne() {
        String id = task("msg-2", Milestone.CLOSED, "CASE-2");
        worklist.take(id, "op-1");
        worklist.record(id, "op-1", CallbackOutcome.NOT_REACHED, null, null);
        assertThat(published).as("back in the list: not ended").isEmpty();

        clock.advance(Duration.ofHours(3));
        worklist.take(id, "op-2");
        worklist.record(id, "op-2", CallbackOutcome.NOT_REACHED, null, null);

        assertThat(published).singleElement().isInstanceOfSatisfying(CallbackCompleted.class, c -> {
            assertThat(c.outcome()).isEqualTo(CallbackOutcome.NOT_REACHED);
            assertThat(c.tries()).isEqualTo(2);
            assertThat(c.caseId()).isEqualTo("CASE-2");
        });
    }

    @Test
    void anAnswerStoredJustBeforeACrashIsPublishedOnceByTheNextSweepFeedbackFirst() {
        String id = task("msg-3", Milestone.CLOSED, "CASE-3");
        worklist.take(id, "op-1");
        brokerDown = true; // the relay's immediate attempt fails as a crash right after the write would leave it
        worklist.record(id, "op-1", CallbackOutcome.ANSWERED, Rating.UNSATISFIED, null);
        assertThat(published).isEmpty();

        brokerDown = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweep()).isEqualTo(2);
        assertThat(relay.sweep()).as("a second sweep finds nothing").isZero();

        assertThat(topics).containsExactly(Topics.REPORTERS_FEEDBACK, Topics.REPORTERS_CALLBACKS);
        assertThat(((ReporterFeedbackReceived) published.get(0)).rating()).isEqualTo(Satisfaction.UNSATISFIED);
        assertThat(((CallbackCompleted) published.get(1))).extracting(CallbackCompleted::outcome, CallbackCompleted::rating)
                .containsExactly(CallbackOutcome.ANSWERED, Satisfaction.UNSATISFIED);
    }

    private String task(String messageId, Milestone milestone, String caseId) {
        CallbackTask task = CallbackTask.open(messageId, "c-" + messageId, caseId, "LY-1", milestone, "0379****1234",
                "script", "not-sms-reachable: landline", clock.instant());
        assertThat(tasks.add(task)).isTrue();
        return task.id();
    }
}
