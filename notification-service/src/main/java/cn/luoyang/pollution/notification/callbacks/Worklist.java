package cn.luoyang.pollution.notification.callbacks;

import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import cn.luoyang.pollution.notification.survey.Rating;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback worklist (回访工作台): a REGISTERED, CLOSED or reward (REWARD_OPENED, _APPROVED, _REFUSED) message that SMS cannot carry (the number
 * takes no SMS, the carrier refused it, its outcome stayed unknown) becomes a task for the hotline's
 * operators, who take it, see the number, call and record what came of it. A survey answered on
 * the phone is published as the same {@code ReporterFeedbackReceived} an SMS reply makes, with the
 * message's id as the survey's (one event id per milestone message, however it was answered), so
 * enforcement treats it alike (a "3" reopens the case); the store writes it with the task's end.
 */
public final class Worklist {

    private static final Logger log = LoggerFactory.getLogger(Worklist.class);
    private static final Set<Milestone> CALLED_BACK = EnumSet.of(Milestone.REGISTERED, Milestone.CLOSED,
            Milestone.REWARD_OPENED, Milestone.REWARD_APPROVED, Milestone.REWARD_REFUSED);

    private final CallbackTasks tasks;
    private final ReporterContacts contacts;
    private final ContactOpener opener;
    private final Consumer<String> publishSoon;
    private final Clock clock;
    private final Duration retryPause;
    private final int maxTries;

    /**
     * @param publishSoon publishes the outbox of the task with this id now (the outbox relay of the
     *                    tasks' collection); what it cannot publish waits for the relay's sweep
     */
    public Worklist(CallbackTasks tasks, ReporterContacts contacts, ContactOpener opener, Consumer<String> publishSoon,
            Clock clock, Duration retryPause, int maxTries) {
        this.tasks = tasks;
        this.contacts = contacts;
        this.opener = opener;
        this.publishSoon = publishSoon;
        this.clock = clock;
        this.retryPause = retryPause;
        this.maxTries = maxTries;
    }

    /**
     * Called with each message whose change is about to be published (see {@code callbacks.messaging.OfferingSink}),
     * again if a crash cut in before it was: one that ended without reaching
     * the reporter at a milestone that matters gets its task (once, by the message's id).
     */
    public void offer(SmsMessage message) {
        if (!CALLED_BACK.contains(message.milestone()) || !unanswered(message)) {
            return;
        }
        Optional<ReporterContact> contact = contacts.of(message.complaintId());
        if (contact.isEmpty() || !contact.get().reachable()) {
            return;
        }
        CallbackTask task = CallbackTask.open(message.id(), message.complaintId(), message.caseId(),
                contact.get().trackingNumber(), message.milestone(), contact.get().maskedPhone(), message.text(),
                message.reason(), clock.instant());
        if (tasks.add(task)) {
            log.info("callback task {} for {} of complaint {}: {}", task.id(), task.milestone(), task.complaintId(),
                    task.why());
        }
    }

    private static boolean unanswered(SmsMessage message) {
        return message.state() == MessageState.UNREACHABLE || message.state() == MessageState.FAILED;
    }

    public List<CallbackTask> open(int max) {
        return tasks.open(clock.instant(), max);
    }

    /** The tasks {@code operator} has taken and not finished (我的回访). */
    public List<CallbackTask> heldBy(String operator, int max) {
        return tasks.heldBy(operator, max);
    }

    public CallbackTask take(String id, String operator) {
        CallbackTask task = find(id);
        CallbackTask taken = task.take(operator, clock.instant());
        if (taken != task && !tasks.save(taken)) {
            throw new CallbackRefused(CallbackRefused.Kind.TAKEN_BY_OTHER, null, "task " + id + " was taken meanwhile");
        }
        return taken;
    }

    /** The reporter's number, for the operator holding the task only; the reveal is recorded first. */
    public String reveal(String id, String operator) {
        CallbackTask task = find(id);
        CallbackTask revealed = task.revealedTo(operator, clock.instant());
        if (!tasks.save(revealed)) {
            throw new CallbackRefused(CallbackRefused.Kind.TAKEN_BY_OTHER, null, "task " + id + " changed meanwhile");
        }
        ReporterContact contact = contacts.of(task.complaintId()).orElseThrow();
        String opened = opener.open(contact.sealedPhone());
        ContactNumber number = PhoneNumbers.read(opened);
        log.info("callback task {}: number shown to {}", id, operator);
        return number.normalForm() != null ? number.normalForm() : opened;
    }

    public CallbackTask record(String id, String operator, CallbackOutcome outcome, Rating rating, String note) {
        CallbackTask task = find(id);
        Instant now = clock.instant();
        CallbackTask recorded = task.record(operator, outcome, rating, note, now, now.plus(retryPause), maxTries);
        boolean ended = recorded.state().isFinal();
        if (!(ended ? tasks.finish(recorded) : tasks.save(recorded))) {
            throw new CallbackRefused(CallbackRefused.Kind.TAKEN_BY_OTHER, null, "task " + id + " changed meanwhile");
        }
        if (ended) {
            publishSoon.accept(id);
        }
        return recorded.withVersion(recorded.version() + 1);
    }

    private CallbackTask find(String id) {
        return tasks.byId(id).orElseThrow(() -> new CallbackRefused(CallbackRefused.Kind.NOT_FOUND, null,
                "no callback task " + id));
    }
}
