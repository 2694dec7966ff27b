package cn.luoyang.pollution.notification.sending;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a message waits after the gateway did not take it: doubling from {@code initial} up to
 * {@code max}, with up to half of it added at random so that many waiting messages do not all
 * return in the same instant when the gateway comes back.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int attempts) {
        long base = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        long jitter = capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(capped + jitter);
    }
}
