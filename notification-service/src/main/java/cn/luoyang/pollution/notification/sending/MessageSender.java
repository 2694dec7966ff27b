package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.notification.gateway.GatewayException;
import cn.luoyang.pollution.notification.gateway.OutgoingSms;
import cn.luoyang.pollution.notification.gateway.SmsGateway;
import cn.luoyang.pollution.notification.gateway.Submission;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.PhoneHasher;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import cn.luoyang.pollution.notification.survey.Survey;
import cn.luoyang.pollution.notification.survey.Surveys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends (发送) what is queued: claims due messages, opens the reporter's sealed contact at the last
 * moment, applies the sending policy, hands the message to the gateway and records the outcome.
 *
 * <p>Why it never sends twice: a message is only handed over while it is claimed (SENDING, atomic
 * claim), and it returns to the queue only when the gateway certainly did not take it; when the
 * outcome is unknown (a timeout after the request left) it fails rather than risk a second SMS.
 * Immediately before the gateway is called, the start of the hand-over is written, conditional on
 * the claim still being this sender's; a message claimed again after its lease ran out with
 * that mark and no outcome (the process died mid hand-over) is ended as outcome unknown, not sent
 * again. The per-number caps are decided and counted in one atomic step shared by every instance
 * ({@link NumberSlots}), so no lock is held here and two instances cannot both pass a full cap.
 */
public final class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final Messages messages;
    private final ReporterContacts contacts;
    private final ContactOpener opener;
    private final PhoneHasher hasher;
    private final SendingPolicy policy;
    private final SmsGateway gateway;
    private final DeliveryReports deliveryReports;
    private final Consumer<String> publishSoon;
    private final Surveys surveys;
    private final Clock clock;
    private final SendingSettings settings;
    private final Executor workers;
    private final UnknownOutcomes unknownOutcomes;

    public MessageSender(Messages messages, ReporterContacts contacts, ContactOpener opener, PhoneHasher hasher,
            SendingPolicy policy, SmsGateway gateway, DeliveryReports deliveryReports, Consumer<String> publishSoon,
            Surveys surveys, Clock clock, SendingSettings settings, Executor workers, UnknownOutcomes unknownOutcomes) {
        this.messages = messages;
        this.contacts = contacts;
        this.opener = opener;
        this.hasher = hasher;
        this.policy = policy;
        this.gateway = gateway;
        this.deliveryReports = deliveryReports;
        this.publishSoon = publishSoon;
        this.surveys = surveys;
        this.clock = clock;
        this.settings = settings;
        this.workers = workers;
        this.unknownOutcomes = unknownOutcomes;
    }

    /** One round: claims what is due and sends it; returns how many messages were claimed. */
    public int sendDue() {
        Instant now = clock.instant();
        List<SmsMessage> due = messages.claimDue(now, now.plus(settings.lease()), settings.batch());
        CompletableFuture<?>[] sends = due.stream()
                .map(message -> CompletableFuture.runAsync(() -> sendSafely(message), workers))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
        return due.size();
    }

    private void sendSafely(SmsMessage message) {
        try {
            send(message);
        } catch (RuntimeException e) {
            // the claim's lease runs out and the message is taken again; nothing is lost
            log.warn("SMS {} left claimed after an error: {}", message.id(), e.toString());
        }
    }

    void send(SmsMessage message) {
        Instant now = clock.instant();
        if (message.handOverBegun()) {
            // the last holder began handing it over and left no outcome: the carrier may have it
            log.warn("SMS {} was being handed over since {} when its sender stopped: not sent again",
                    message.id(), message.handoverStartedAt());
            message.outcomeUnknown("hand-over interrupted", now);
            if (save(message)) {
                unknownOutcomes.counted(UnknownOutcomes.Cause.INTERRUPTED_HAND_OVER);
            }
            return;
        }
        Optional<ReporterContact> contact = contacts.of(message.complaintId());
        if (contact.isEmpty()) {
            waitForContact(message, now);
            return;
        }
        if (!contact.get().reachable()) {
            message.cancel("anonymous", now);
            messages.save(message);
            return;
        }
        if (contact.get().knownNotToTakeSms()) {
            // intake said so: the number is not even opened
            notReachableBySms(message, contact.get().phoneKind(), now);
            return;
        }
        ContactNumber opened = PhoneNumbers.read(opener.open(contact.get().sealedPhone()));
        if (!opened.kind().takesSms()) {
            notReachableBySms(message, opened.kind(), now);
            return;
        }
        String number = opened.normalForm();
        String phoneHash = hasher.hash(number);
        SendingPolicy.Decision decision = policy.decide(phoneHash, message.id(), message.urgent(), now);
        if (decision instanceof SendingPolicy.Refuse refuse) {
            message.cancel(refuse.reason(), now);
            messages.save(message);
            return;
        }
        if (decision instanceof SendingPolicy.Hold hold) {
            message.defer(hold.until(), hold.reason());
            messages.save(message);
            return;
        }
        handOver(message, contact.get(), number, phoneHash);
    }

    private void handOver(SmsMessage message, ReporterContact contact, String number, String phoneHash) {
        String masked = PhoneNumbers.mask(number);
        OutgoingSms sms = new OutgoingSms(message.id(), message.complaintId(), message.caseId(),
                message.milestone().name(), number, masked, message.text());
        message.handingOver(clock.instant());
        if (!messages.save(message)) {
            // the lease ran out meanwhile and another sender holds it now: it is theirs to send
            // (its slot under the caps stays: the new holder's reservation is the same one, by message id)
            log.warn("SMS {} not handed over: its claim was taken over", message.id());
            return;
        }
        Submission submission;
        try {
            submission = gateway.submit(sms);
        } catch (GatewayException e) {
            gatewayFailed(message, phoneHash, e);
            return;
        }
        Instant sentAt = clock.instant();
        message.sent(submission.gatewayMessageId(), phoneHash, masked, sentAt);
        if (!messages.save(message)) {
            log.warn("SMS {} was sent as {} but its record changed meanwhile", message.id(), submission.gatewayMessageId());
            return;
        }
        log.info("SMS {} to {} sent through {} as {}", message.id(), masked, gateway.name(), submission.gatewayMessageId());
        if (message.milestone() == Milestone.CLOSED && message.caseId() != null) {
            surveys.open(Survey.open(message.id(), message.caseId(), message.complaintId(), phoneHash, sentAt));
        }
        publishSoon.accept(message.id());
        deliveryReports.apply(submission.gatewayMessageId());
    }

    private void gatewayFailed(SmsMessage message, String phoneHash, GatewayException e) {
        Instant now = clock.instant();
        switch (e.outcome()) {
            case NOT_SENT -> {
                policy.notSent(phoneHash, message.id());
                if (now.isAfter(message.queuedAt().plus(settings.giveUpAfter()))) {
                    message.failed("gateway-unavailable: " + e.getMessage(), now);
                    save(message);
                } else {
                    message.defer(now.plus(settings.retry().after(message.attempts())), "gateway: " + e.getMessage());
                    messages.save(message);
                }
            }
            case REJECTED -> {
                policy.notSent(phoneHash, message.id());
                message.failed("rejected: " + e.getMessage(), now);
                save(message);
            }
            case UNKNOWN -> {
                log.warn("SMS {} outcome unknown after {}: not retried, to never send twice", message.id(), e.getMessage());
                message.outcomeUnknown(e.getMessage(), now);
                if (save(message)) {
                    unknownOutcomes.counted(UnknownOutcomes.Cause.GATEWAY);
                }
            }
        }
    }

    private void notReachableBySms(SmsMessage message, PhoneKind kind, Instant now) {
        message.unreachableBySms(kind.name().toLowerCase(Locale.ROOT), now);
        if (save(message)) {
            log.info("SMS {} not attempted: the reporter's number is {}, answered by callback", message.id(), kind);
        }
    }

    private void waitForContact(SmsMessage message, Instant now) {
        if (now.isAfter(message.queuedAt().plus(settings.contactWait()))) {
            message.failed("no-contact", now);
            save(message);
        } else {
            message.defer(now.plus(settings.retry().after(message.attempts())), "waiting-for-contact");
            messages.save(message);
        }
    }

    private boolean save(SmsMessage message) {
        if (messages.save(message)) {
            publishSoon.accept(message.id());
            return true;
        }
        return false;
    }
}
