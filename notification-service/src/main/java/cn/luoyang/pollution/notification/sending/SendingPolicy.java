package cn.luoyang.pollution.notification.sending;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a message may go to a number now: opted-out numbers never, non-urgent messages not in the
 * quiet window, and no number beyond its caps. A hold names the time to look again.
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
    private final NumberCaps.History history;

    public SendingPolicy(OptOuts optOuts, QuietHours quietHours, NumberCaps caps, NumberCaps.History history) {
        this.optOuts = optOuts;
        this.quietHours = quietHours;
        this.caps = caps;
        this.history = history;
    }

    public Decision decide(String phoneHash, boolean urgent, Instant now) {
        if (optOuts.optedOut(phoneHash)) {
            return new Refuse("opted-out");
        }
        if (!urgent) {
            Optional<Instant> morning = quietHours.holdUntil(now);
            if (morning.isPresent()) {
                return new Hold(morning.get(), "quiet-hours");
            }
        }
        return caps.holdUntil(phoneHash, now, history)
                .<Decision>map(until -> new Hold(until, "number-cap"))
                .orElseGet(Send::new);
    }
}
