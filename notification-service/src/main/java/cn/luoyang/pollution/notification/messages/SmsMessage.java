package cn.luoyang.pollution.notification.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One SMS to one reporter about one milestone: the unit of "exactly once". It keeps its state
 * machine honest (every verb checks the allowed next state) and records each change the rest of the
 * platform should hear about ({@code ReporterNotified}) in {@link #unannounced()}: the store writes
 * one outbox entry per change in the same document write as the change, so a crash between the
 * database and Kafka loses nothing and two quick changes are two events.
 *
 * <p>At most once across a crash: immediately before the gateway is called, {@link #handingOver} is
 * written (conditional on the claim still being ours). A message whose lease ran out with that mark
 * and no outcome may have reached the carrier, so it is never handed over again: it ends FAILED
 * with {@value #OUTCOME_UNKNOWN} (结果不明), like a gateway timeout, where an operator can see it.
 *
 * <p>The phone number is never kept here: only the recipient's complaint id (whose sealed contact
 * is opened at the moment of sending), the masked form and a keyed hash for per-number limits.
 */
public final class SmsMessage {

    /** The reason prefix of a message that may or may not have reached the carrier; never retried. */
    public static final String OUTCOME_UNKNOWN = "outcome-unknown";
    public static final String NOT_SMS_REACHABLE = "not-sms-reachable";

    private final String id;
    private final MessageKey key;
    private final String caseId;
    private final String text;
    private final boolean urgent;
    private final Instant queuedAt;
    private MessageState state;
    private Instant notBefore;
    private Instant leaseUntil;
    private int attempts;
    private String gatewayMessageId;
    private String phoneHash;
    private String maskedPhone;
    private Instant sentAt;
    private Instant finishedAt;
    private String reason;
    private Instant handoverStartedAt;
    private final List<Change> unannounced = new ArrayList<>();
    private long version;

    private SmsMessage(Snapshot s) {
        this.id = s.id();
        this.key = s.key();
        this.caseId = s.caseId();
        this.text = s.text();
        this.urgent = s.urgent();
        this.queuedAt = s.queuedAt();
        this.state = s.state();
        this.notBefore = s.notBefore();
        this.leaseUntil = s.leaseUntil();
        this.attempts = s.attempts();
        this.gatewayMessageId = s.gatewayMessageId();
        this.phoneHash = s.phoneHash();
        this.maskedPhone = s.maskedPhone();
        this.sentAt = s.sentAt();
        this.finishedAt = s.finishedAt();
        this.reason = s.reason();
        this.handoverStartedAt = s.handoverStartedAt();
        this.version = s.version();
    }

    /** A new message, waiting to be sent from {@code notBefore} on. */
    public static SmsMessage queue(MessageKey key, String caseId, String text, boolean urgent, Instant now) {
        Objects.requireNonNull(text, "text");
        return new SmsMessage(new Snapshot(key.asId(), key, caseId, text, urgent, now, MessageState.QUEUED, now,
                null, 0, null, null, null, null, null, null, null, 0));
    }

    public static SmsMessage restore(Snapshot snapshot) {
        return new SmsMessage(snapshot);
    }

    /** A sender took it; if the sender dies, the lease runs out and another takes it again. */
    public void claim(Instant lease) {
        move(MessageState.SENDING);
        attempts++;
        leaseUntil = lease;
    }

    /**
     * The hand-over to the gateway begins now. Stored before the gateway is called: if no outcome
     * follows (the process died), the message is not sent again once its lease runs out.
     */
    public void handingOver(Instant now) {
        if (state != MessageState.SENDING || handoverStartedAt != null) {
            throw new IllegalStateException("message " + id + " cannot begin a hand-over in " + state
                    + (handoverStartedAt != null ? " (begun at " + handoverStartedAt + ")" : ""));
        }
        handoverStartedAt = now;
    }

    /** A hand-over began and no outcome was recorded: the carrier may have the message. */
    public boolean handOverBegun() {
        return state == MessageState.SENDING && handoverStartedAt != null;
    }

    /** The gateway certainly did not take it (down, throttled, held): try again from {@code until}. */
    public void defer(Instant until, String why) {
        move(MessageState.QUEUED);
        notBefore = until;
        leaseUntil = null;
        handoverStartedAt = null;
        reason = why;
    }

    public void sent(String gatewayId, String hash, String masked, Instant now) {
        move(MessageState.SENT);
        gatewayMessageId = gatewayId;
        phoneHash = hash;
        maskedPhone = masked;
        sentAt = now;
        leaseUntil = null;
        reason = null;
        announce(now);
    }

    public void delivered(Instant now) {
        move(MessageState.DELIVERED);
        finishedAt = now;
        announce(now);
    }

    public void failed(String why, Instant now) {
        move(MessageState.FAILED);
        reason = why;
        finishedAt = now;
        leaseUntil = null;
        announce(now);
    }

    /**
     * The carrier may or may not have the message (a timeout after the request left, or a hand-over
     * interrupted by a crash): it ends here and is never retried, a missed SMS being preferred to a
     * duplicate one.
     */
    public void outcomeUnknown(String why, Instant now) {
        failed(OUTCOME_UNKNOWN + ": " + why, now);
    }

    /** Whether this message ended with an unknown outcome (see {@link #outcomeUnknown}). */
    public boolean isOutcomeUnknown() {
        return state == MessageState.FAILED && reason != null && reason.startsWith(OUTCOME_UNKNOWN);
    }

    /**
     * Not attempted because the reporter's number takes no SMS ({@code why} names its kind): a final,
     * published outcome, so the milestone is answered by a callback and never counted as lost.
     */
    public void unreachableBySms(String why, Instant now) {
        move(MessageState.UNREACHABLE);
        reason = NOT_SMS_REACHABLE + ": " + why;
        finishedAt = now;
        leaseUntil = null;
        announce(now);
    }

    /** Not to be sent at all: the reporter opted out or left no number. */
    public void cancel(String why, Instant now) {
        move(MessageState.CANCELLED);
        reason = why;
        finishedAt = now;
        leaseUntil = null;
    }

    private void announce(Instant at) {
        unannounced.add(new Change(state, at));
    }

    /** The changes made since the message was read or last stored, oldest first: one event each. */
    public List<Change> unannounced() {
        return List.copyOf(unannounced);
    }

    /** Called by the store once a write carried the events of the changes so far. */
    public void announced() {
        unannounced.clear();
    }

    /** Called by the store after a successful conditional write (which carried the changes' events). */
    public void stored() {
        version++;
        announced();
    }

    private void move(MessageState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("message " + id + " cannot go from " + state + " to " + target);
        }
        state = target;
    }

    public Snapshot snapshot() {
        return new Snapshot(id, key, caseId, text, urgent, queuedAt, state, notBefore, leaseUntil, attempts,
                gatewayMessageId, phoneHash, maskedPhone, sentAt, finishedAt, reason, handoverStartedAt, version);
    }

    public String id() { return id; }
    public MessageKey key() { return key; }
    public Milestone milestone() { return key.milestone(); }
    public String complaintId() { return key.recipientComplaintId(); }
    public String caseId() { return caseId; }
    public String text() { return text; }
    public boolean urgent() { return urgent; }
    public Instant queuedAt() { return queuedAt; }
    public MessageState state() { return state; }
    public Instant notBefore() { return notBefore; }
    public int attempts() { return attempts; }
    public String gatewayMessageId() { return gatewayMessageId; }
    public String phoneHash() { return phoneHash; }
    public String maskedPhone() { return maskedPhone; }
    public Instant sentAt() { return sentAt; }
    public String reason() { return reason; }
    public Instant handoverStartedAt() { return handoverStartedAt; }
    public Instant finishedAt() { return finishedAt; }
    public long version() { return version; }

    /** Everything the message holds, for storage. */
    public record Snapshot(String id, MessageKey key, String caseId, String text, boolean urgent, Instant queuedAt,
            MessageState state, Instant notBefore, Instant leaseUntil, int attempts, String gatewayMessageId,
            String phoneHash, String maskedPhone, Instant sentAt, Instant finishedAt, String reason,
            Instant handoverStartedAt, long version) {
    }

    /** A change the platform hears about: the state the message reached, and when. */
    public record Change(MessageState state, Instant at) {
    }
}
