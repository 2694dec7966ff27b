package cn.luoyang.pollution.complaint.tracking;

import java.time.Duration;

/**
 * After {@code maxFailures} wrong-digit lookups of one tracking number within {@code window}, the
 * number answers nothing (not even to the right digits) until the window has passed: four digits
 * are 10,000 guesses, and the lockout makes guessing them take years.
 */
public record LookupLockout(int maxFailures, Duration window) {

    public LookupLockout {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive window");
        }
    }
}
