package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.notification.gateway.GatewayException;
import cn.luoyang.pollution.notification.gateway.OutgoingSms;
import cn.luoyang.pollution.notification.gateway.SmsGateway;
import cn.luoyang.pollution.notification.gateway.Submission;
import cn.luoyang.pollution.notification.messages.MessageState;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends (发送) what is queued: claims due messages, opens the reporter's sealed contact at the last
 * moment, applies the sending policy, hands the message to the gateway and records the outcome, a
 * claimed batch at a time ({@link #send(List)}: the reads, the hand-over marks and the outcomes each
 * one MongoDB round trip for the batch).
 *
 * <p>Why it never sends twice: a message is only handed over while it is claimed (SENDING, atomic
 * claim), and it returns to the queue only when the gateway certainly did not take it; when the
 * outcome is unknown (a timeout after the request left) it fails rather than risk a second SMS.
 * Before the gateway is called, the start of the hand-over is written (for the batch at once, before
 * any call), each conditional on the claim still being this sender's; a message claimed again after its lease ran out with
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
    private final Consumer<Collection<String>> publishSoon;
    private final Surveys surveys;
    private final Clock clock;
    private final SendingSettings settings;
    private final Executor workers;
    private final UnknownOutcomes unknownOutcomes;

    public MessageSender(Messages messages, ReporterContacts contacts, ContactOpener opener, PhoneHasher hasher,
            SendingPolicy policy, SmsGateway gateway, DeliveryReports deliveryReports, Consumer<Collection<String>> publishSoon,
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

    /** One round: claims what is due and sends it as one batch; returns how many messages were claimed. */
    public int sendDue() {
        Instant now = clock.instant();
        List<SmsMessage> due = messages.claimDue(now, now.plus(settings.lease()), settings.batch());
        if (due.isEmpty()) {
            return 0;
        }
        try {
            send(due);
        } catch (RuntimeException e) {
            // the claims' leases run out and the messages are taken again; nothing is lost, and a
            // message whose hand-over mark was written is ended as outcome unknown, not resent
            log.warn("batch of {} SMS left claimed after an error: {}", due.size(), e.toString());
        }
        return due.size();
    }

    /**
     * A claimed batch, in phases with one MongoDB round trip each where the store allows: the
     * contacts, then the opt-outs of the opened numbers, then the hand-over marks of those to send
     * (one bulk write, before any gateway call: a message whose mark was not written is not handed
     * over), then the gateway calls on the workers, then every outcome (one bulk write, with the
     * changes' outbox entries), whose events the relay publishes for the batch at once.
     */
    void send(List<SmsMessage> claimed) {
        Instant now = clock.instant();
        BatchOutcomes outcomes = new BatchOutcomes();
        List<SmsMessage> fresh = new ArrayList<>();
        for (SmsMessage message : claimed) {
            if (message.handOverBegun()) {
                // the last holder began handing it over and left no outcome: the carrier may have it
                log.warn("SMS {} was being handed over since {} when its sender stopped: not sent again",
                        message.id(), message.handoverStartedAt());
                message.outcomeUnknown("hand-over interrupted", now);
                outcomes.add(message, UnknownOutcomes.Cause.INTERRUPTED_HAND_OVER);
            } else {
                fresh.add(message);
            }
        }
        List<Addressed> addressed = address(fresh, now, outcomes);
        Set<String> optedOut = policy.optedOutAmong(addressed.stream().map(Addressed::phoneHash).distinct().toList());
        // on the workers: with the caps on, each decision reserves the number's slot (a read and a
        // conditional write, the loser of a race reads again), so they overlap like the gateway calls
        Set<Addressed> toSend = ConcurrentHashMap.newKeySet();
        CompletableFuture.allOf(addressed.stream()
                .map(a -> CompletableFuture.runAsync(() -> decide(a, optedOut.contains(a.phoneHash()), now, outcomes, toSend),
                        workers))
                .toArray(CompletableFuture[]::new)).join();
        List<Addressed> handing = addressed.stream().filter(toSend::contains).toList(); // in the claim's order
        Set<String> marked = messages.saveAll(handing.stream().map(Addressed::message).toList());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (Addressed a : handing) {
            if (marked.contains(a.message().id())) {
                calls.add(CompletableFuture.runAsync(() -> handOver(a, outcomes), workers));
            } else {
                // the lease ran out meanwhile and another sender holds it now: it is theirs to send
                // (its slot under the caps stays: the new holder's reservation is the same one, by message id)
                log.warn("SMS {} not handed over: its claim was taken over", a.message().id());
            }
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        record(outcomes);
    }

    /**
     * Reads the batch's contacts in one go and opens each reachable one. The opened numbers live in
     * this batch only (a map local to this call): a plaintext number is never kept beyond the moment
     * its messages are handed over, so one sealed contact that two messages of the batch share is
     * opened once, and none is cached across batches.
     */
    private List<Addressed> address(List<SmsMessage> batch, Instant now, BatchOutcomes outcomes) {
        Map<String, ReporterContact> contactOf = contacts.ofAll(batch.stream().map(SmsMessage::complaintId).distinct().toList());
        Map<String, ContactNumber> opened = new HashMap<>();
        List<Addressed> addressed = new ArrayList<>();
        for (SmsMessage message : batch) {
            ReporterContact contact = contactOf.get(message.complaintId());
            if (contact == null) {
                waitForContact(message, now);
                outcomes.add(message, null);
                continue;
            }
            if (!contact.reachable()) {
                message.cancel("anonymous", now);
                outcomes.add(message, null);
                continue;
            }
            if (contact.knownNotToTakeSms()) {
                // intake said so: the number is not even opened
                notReachableBySms(message, contact.phoneKind(), now, outcomes);
                continue;
            }
            ContactNumber number;
            try {
                number = opened.computeIfAbsent(contact.sealedPhone(), sealed -> PhoneNumbers.read(opener.open(sealed)));
            } catch (RuntimeException e) {
                // left claimed, as any error before the hand-over: taken again after its lease
                log.warn("SMS {} left claimed: its contact could not be opened: {}", message.id(), e.toString());
                continue;
            }
            if (!number.kind().takesSms()) {
                notReachableBySms(message, number.kind(), now, outcomes);
                continue;
            }
            addressed.add(new Addressed(message, number.normalForm(), hasher.hash(number.normalForm())));
        }
        return addressed;
    }

    private void decide(Addressed a, boolean optedOut, Instant now, BatchOutcomes outcomes, Set<Addressed> handing) {
        SmsMessage message = a.message();
        SendingPolicy.Decision decision;
        try {
            decision = policy.decide(a.phoneHash(), message.id(), message.urgent(), now, optedOut);
        } catch (RuntimeException e) {
            // left claimed, as any error before the hand-over: taken again after its lease
            log.warn("SMS {} left claimed: no decision: {}", message.id(), e.toString());
            return;
        }
        if (decision instanceof SendingPolicy.Refuse refuse) {
            message.cancel(refuse.reason(), now);
            outcomes.add(message, null);
        } else if (decision instanceof SendingPolicy.Hold hold) {
            message.defer(hold.until(), hold.reason());
            outcomes.add(message, null);
        } else {
            message.handingOver(clock.instant());
            handing.add(a);
        }
    }

    /** One gateway call (on a worker); its outcome is recorded with the batch's. */
    private void handOver(Addressed a, BatchOutcomes outcomes) {
        SmsMessage message = a.message();
        String masked = PhoneNumbers.mask(a.number());
        OutgoingSms sms = new OutgoingSms(message.id(), message.complaintId(), message.caseId(),
                message.milestone().name(), a.number(), masked, message.text());
        try {
            Submission submission = gateway.submit(sms);
            message.sent(submission.gatewayMessageId(), a.phoneHash(), masked, clock.instant());
            outcomes.add(message, null);
        } catch (GatewayException e) {
            gatewayFailed(message, a.phoneHash(), e, outcomes);
        } catch (RuntimeException e) {
            // no outcome known: the mark stays, so the message ends as outcome unknown, never resent
            log.warn("SMS {} left mid hand-over after an error: {}", message.id(), e.toString());
        }
    }

    /**
     * Writes every outcome of the batch in one go, then, for those written: opens the surveys of
     * CLOSED messages sent, publishes the changes' events (the relay, for the batch at once) and
     * applies receipts that overtook the SENT writes.
     */
    private void record(BatchOutcomes outcomes) {
        List<SmsMessage> all = outcomes.messages();
        Set<String> written = messages.saveAll(all);
        List<String> sentIds = new ArrayList<>();
        for (SmsMessage message : all) {
            boolean stored = written.contains(message.id());
            if (message.state() == MessageState.SENT) {
                if (!stored) {
                    log.warn("SMS {} was sent as {} but its record changed meanwhile", message.id(), message.gatewayMessageId());
                    continue;
                }
                log.info("SMS {} to {} sent through {} as {}", message.id(), message.maskedPhone(), gateway.name(),
                        message.gatewayMessageId());
                if (message.milestone() == Milestone.CLOSED && message.caseId() != null) {
                    surveys.open(Survey.open(message.id(), message.caseId(), message.complaintId(), message.phoneHash(),
                            message.sentAt()));
                }
                sentIds.add(message.gatewayMessageId());
            } else if (stored && message.state() == MessageState.UNREACHABLE) {
                log.info("SMS {} not attempted: the reporter's number is {}, answered by callback", message.id(), message.reason());
            }
            UnknownOutcomes.Cause cause = outcomes.unknownCause(message);
            if (stored && cause != null) {
                unknownOutcomes.counted(cause);
            }
        }
        publishSoon.accept(List.copyOf(written));
        deliveryReports.applyAll(sentIds);
    }

    private void gatewayFailed(SmsMessage message, String phoneHash, GatewayException e, BatchOutcomes outcomes) {
        Instant now = clock.instant();
        switch (e.outcome()) {
            case NOT_SENT -> {
                policy.notSent(phoneHash, message.id());
                if (now.isAfter(message.queuedAt().plus(settings.giveUpAfter()))) {
                    message.failed("gateway-unavailable: " + e.getMessage(), now);
                } else {
                    message.defer(now.plus(settings.retry().after(message.attempts())), "gateway: " + e.getMessage());
                }
                outcomes.add(message, null);
            }
            case REJECTED -> {
                policy.notSent(phoneHash, message.id());
                message.failed("rejected: " + e.getMessage(), now);
                outcomes.add(message, null);
            }
            case UNKNOWN -> {
                log.warn("SMS {} outcome unknown after {}: not retried, to never send twice", message.id(), e.getMessage());
                message.outcomeUnknown(e.getMessage(), now);
                outcomes.add(message, UnknownOutcomes.Cause.GATEWAY);
            }
        }
    }

    private void notReachableBySms(SmsMessage message, PhoneKind kind, Instant now, BatchOutcomes outcomes) {
        message.unreachableBySms(kind.name().toLowerCase(Locale.ROOT), now);
        outcomes.add(message, null);
    }

    private void waitForContact(SmsMessage message, Instant now) {
        if (now.isAfter(message.queuedAt().plus(settings.contactWait()))) {
            message.failed("no-contact", now);
        } else {
            message.defer(now.plus(settings.retry().after(message.attempts())), "waiting-for-contact");
        }
    }

    /** A message of the batch, its contact opened: the number (this batch only) and its keyed hash. */
    private record Addressed(SmsMessage message, String number, String phoneHash) {
    }
}
