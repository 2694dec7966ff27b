package cn.luoyang.pollution.notification.messages;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one SMS. QUEUED → SENDING (claimed by a sender, with a lease) → SENT (the gateway
 * took it and gave an id) → DELIVERED or FAILED (the carrier's receipt). SENDING returns to QUEUED
 * when the gateway certainly did not take the message (down, throttled, held for quiet hours or a
 * per-number cap), so a retry can never send twice. SENDING → FAILED ("outcome-unknown") when the
 * carrier may have it (a timeout, or a hand-over the previous holder began and never finished).
 * CANCELLED: the reporter opted out or is anonymous. SENDING → UNREACHABLE: the reporter's number takes no
 * SMS (a landline, a foreign or an unparsed number), so none is attempted; the record says so, for the
 * callback (回访) that answers such reporters instead.
 */
public enum MessageState {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, CANCELLED, UNREACHABLE;

    public Set<MessageState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(SENDING, CANCELLED);
            case SENDING -> EnumSet.of(QUEUED, SENT, FAILED, CANCELLED, UNREACHABLE);
            case SENT -> EnumSet.of(DELIVERED, FAILED);
            case DELIVERED, FAILED, CANCELLED, UNREACHABLE -> EnumSet.noneOf(MessageState.class);
        };
    }

    public boolean canMoveTo(MessageState target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
