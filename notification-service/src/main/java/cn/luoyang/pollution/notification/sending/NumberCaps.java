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

    /**
     * What the caps need to know: when messages went to a number since a time, oldest first. Asked
     * once per decision, for the widest window (one query, not two per cap).
     */
    public interface History {
        List<Instant> sentSince(String phoneHash, Instant since);
    }

    public static NumberCaps none() {
        return new NumberCaps(List.of());
    }

    public boolean isEmpty() {
        return caps.isEmpty();
    }

    /** The longest window: sends older than this no longer count. */
    public Duration widest() {
        return caps.stream().map(Cap::window).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Empty when a message may go now; otherwise the earliest time a cap may allow it. */
    public Optional<Instant> holdUntil(String phoneHash, Instant now, History history) {
        if (caps.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> sent = history.sentSince(phoneHash, now.minus(widest()));
        Instant latest = null;
        for (Cap cap : caps) {
            Instant since = now.minus(cap.window());
            List<Instant> inWindow = sent.stream().filter(t -> !t.isBefore(since)).sorted().toList();
            if (inWindow.size() >= cap.max()) {
                Instant free = inWindow.get(0).plus(cap.window());
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
