package cn.luoyang.pollution.notification.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.notification.callbacks.persistence.MongoCallbackTasks;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which ended messages become callback tasks: a REGISTERED or CLOSED message the carrier refused or
 * whose outcome stayed unknown does; a sent one, a cancelled one or another milestone does not.
 * Real Mongo adapters.
 */
class WhoGetsACallbackTest {

    private final MongoFixture mongo = new MongoFixture();
    private final Clock clock = Clock.fixed(Events.T0, ZoneOffset.UTC);
    private final CallbackTasks tasks = new MongoCallbackTasks(mongo.template());
    private final MongoReporterContacts contacts = new MongoReporterContacts(mongo.template());
    private final List<String> published = new ArrayList<>();
    private final Worklist worklist = new Worklist(tasks, contacts,
            ContactOpener.withPrivateKeyset(ContactKeys.generate().privateKeyset()), published::add,
            clock, Duration.ofHours(2), 3);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aMessageTheCarrierRefusedOrWhoseOutcomeIsUnknownBecomesATaskOnce() {
        SmsMessage rejected = claimed("c-1", Milestone.CLOSED);
        rejected.failed("rejected: blacklisted", clock.instant());
        SmsMessage unknown = claimed("c-2", Milestone.REGISTERED);
        unknown.outcomeUnknown("timeout", clock.instant());

        worklist.offer(rejected);
        worklist.offer(rejected);
        worklist.offer(unknown);

        assertThat(worklist.open(10)).extracting(CallbackTask::messageId)
                .containsExactlyInAnyOrder(rejected.id(), unknown.id());
        assertThat(tasks.byId(CallbackTask.idFor(rejected.id())).orElseThrow().why()).isEqualTo("rejected: blacklisted");
    }

    @Test
    void sentCancelledAndOtherMilestonesMakeNoTask() {
        SmsMessage sent = claimed("c-3", Milestone.CLOSED);
        sent.sent("gw-1", "hash", "138****0003", clock.instant());
        SmsMessage cancelled = claimed("c-4", Milestone.REGISTERED);
        cancelled.cancel("opted-out", clock.instant());
        SmsMessage dispatched = claimed("c-5", Milestone.DISPATCHED);
        dispatched.failed("rejected: x", clock.instant());

        List.of(sent, cancelled, dispatched).forEach(worklist::offer);

        assertThat(worklist.open(10)).isEmpty();
    }

    @Test
    void aTryThatFailsComesBackAfterThePauseAndTheThirdEndsNotReached() {
        SmsMessage rejected = claimed("c-6", Milestone.REGISTERED);
        rejected.failed("rejected: x", clock.instant());
        worklist.offer(rejected);
        String id = CallbackTask.idFor(rejected.id());

        for (int i = 0; i < 2; i++) {
            worklist.take(id, "op-" + i);
            CallbackTask back = worklist.record(id, "op-" + i, CallbackOutcome.NOT_REACHED, null, null);
            assertThat(back.state()).isEqualTo(CallbackState.OPEN);
            assertThat(back.notBefore()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        }
        assertThat(worklist.open(10)).as("paused until later").isEmpty();
        worklist.take(id, "op-2");
        assertThat(worklist.record(id, "op-2", CallbackOutcome.NOT_REACHED, null, null).state())
                .isEqualTo(CallbackState.NOT_REACHED);
        assertThat(tasks.byId(id).orElseThrow().tries()).isEqualTo(3);
    }

    private SmsMessage claimed(String complaintId, Milestone milestone) {
        contacts.keep(new ReporterContact(complaintId, "LY-" + complaintId, false, "sealed", "138****0000", null));
        SmsMessage message = SmsMessage.queue(MessageKey.of(complaintId, milestone, complaintId), "CASE-" + complaintId,
                "text", false, clock.instant());
        message.claim(clock.instant().plusSeconds(60));
        return message;
    }
}
