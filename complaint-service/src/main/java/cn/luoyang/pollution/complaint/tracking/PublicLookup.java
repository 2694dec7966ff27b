package cn.luoyang.pollution.complaint.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A reporter looks their complaint up by tracking number and the last four digits of their phone
 * (查询办理进度). A wrong or missing number answers exactly like an unknown tracking number, so
 * the page tells a stranger nothing. Anonymous complaints have no digits to check: the tracking
 * number alone finds them, and what is shown (status, department, reply) is no more than the
 * Open311 endpoint publishes anyway. Wrong digits are counted per tracking number, known or not,
 * and too many lock the number for a while ({@link LookupLockout}).
 */
public final class PublicLookup {

    /** What a lookup found: the complaint, nothing, or a number locked by too many wrong digits. */
    public sealed interface Answer {
    }

    public record Found(Tracked tracked) implements Answer {
    }

    public record NotFound() implements Answer {
    }

    public record Locked() implements Answer {
    }

    private final ProgressStore store;
    private final FailedLookups failures;
    private final LookupLockout lockout;
    private final Clock clock;

    public PublicLookup(ProgressStore store, FailedLookups failures, LookupLockout lockout, Clock clock) {
        this.store = store;
        this.failures = failures;
        this.lockout = lockout;
        this.clock = clock;
    }

    public Answer find(String trackingNumber, String phoneLastFour) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return new NotFound();
        }
        String number = trackingNumber.trim();
        String key = number.toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        Instant since = now.minus(lockout.window());
        if (failures.since(key, since) >= lockout.maxFailures()) {
            return new Locked();
        }
        Optional<Tracked> found = store.trackedByNumber(number).filter(t -> matches(t, phoneLastFour));
        if (found.isPresent()) {
            return new Found(found.get());
        }
        failures.record(key, now, since);
        return new NotFound();
    }

    private static boolean matches(Tracked tracked, String given) {
        if (tracked.anonymous()) {
            return true;
        }
        if (given == null || tracked.phoneLastFour() == null) {
            return false;
        }
        return MessageDigest.isEqual(tracked.phoneLastFour().getBytes(StandardCharsets.UTF_8),
                given.trim().getBytes(StandardCharsets.UTF_8));
    }
}
