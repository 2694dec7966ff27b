package cn.luoyang.pollution.notification.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-number limits (频次限制), e.g. 3 a minute, 10 an hour, 20 a day: carriers block senders that
 * flood one handset, and a reporter should not be flooded either. Counted by the number's keyed hash.
 */
public record NumberCaps(List<Cap> caps) {

    public record Cap(int max, Duration window) {
    }

    /** What the caps need to know: how many went to a number since a time, and the first of them. */
    public interface History {
        long sentSince(String phoneHash, Instant since);

        Optional<Instant> firstSentSince(String phoneHash, Instant since);
    }

    public static NumberCaps none() {
        return new NumberCaps(List.of());
    }

    /** Empty when a message may go now; otherwise the earliest time a cap may allow it. */
    public Optional<Instant> holdUntil(String phoneHash, Instant now, History history) {
        Instant latest = null;
        for (Cap cap : caps) {
            Instant since = now.minus(cap.window());
            if (history.sentSince(phoneHash, since) >= cap.max()) {
                Instant free = history.firstSentSince(phoneHash, since).orElse(now).plus(cap.window());
                if (!free.isAfter(now)) {
                    free = now.plusSeconds(1);
                }
                if (latest == null || free.isAfter(latest)) {
                    latest = free;
                }
            }
        }
        return Optional.ofNullable(latest);
    }
}
