package cn.luoyang.pollution.enforcement.rewards;

import java.time.Duration;

/** Too many wrong claim codes were given for a claim lately: 429 until {@code retryAfter} has passed. */
public class ClaimLocked extends RuntimeException {

    private final Duration retryAfter;

    public ClaimLocked(Duration retryAfter) {
        super("too many wrong claim codes for this tracking number; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
