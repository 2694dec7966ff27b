package cn.luoyang.pollution.notification.sending;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a message may go to a number now: opted-out numbers never, non-urgent messages not in the
 * quiet window, and no number beyond its caps. A hold names the time to look again. A send decided
 * here has already taken its slot under the caps (shared by every instance): a message that then
 * does not reach the carrier gives it back with {@link #notSent}.
 */
public final class SendingPolicy {

    public sealed interface Decision permits Send, Hold, Refuse {
    }

    public record Send() implements Decision {
    }

    public record Hold(Instant until, String reason) implements Decision {
    }

    public record Refuse(String reason) implements Decision {
    }

    private final OptOuts optOuts;
    private final QuietHours quietHours;
    private final NumberCaps caps;
    private final NumberSlots slots;

    public SendingPolicy(OptOuts optOuts, QuietHours quietHours, NumberCaps caps, NumberSlots slots) {
        this.optOuts = optOuts;
        this.quietHours = quietHours;
        this.caps = caps;
        this.slots = slots;
    }

    public Decision decide(String phoneHash, String messageId, boolean urgent, Instant now) {
        return decide(phoneHash, messageId, urgent, now, optOuts.optedOut(phoneHash));
    }

    /** Those of a batch's numbers that opted out, in one read (then {@link #decide(String, String, boolean, Instant, boolean)}). */
    public Set<String> optedOutAmong(Collection<String> phoneHashes) {
        return optOuts.optedOutAmong(phoneHashes);
    }

    /** {@link #decide(String, String, boolean, Instant)} with the opt-out already read for a batch. */
    public Decision decide(String phoneHash, String messageId, boolean urgent, Instant now, boolean optedOut) {
        if (optedOut) {
            return new Refuse("opted-out");
        }
        if (!urgent) {
            Optional<Instant> morning = quietHours.holdUntil(now);
            if (morning.isPresent()) {
                return new Hold(morning.get(), "quiet-hours");
            }
        }
        if (caps.isEmpty()) {
            return new Send();
        }
        return slots.reserve(phoneHash, messageId, now, caps)
                .<Decision>map(until -> new Hold(until, "number-cap"))
                .orElseGet(Send::new);
    }

    /** A message decided {@link Send} did not reach the carrier: its slot counts no more. */
    public void notSent(String phoneHash, String messageId) {
        if (!caps.isEmpty()) {
            slots.release(phoneHash, messageId);
        }
    }
}
