package cn.luoyang.pollution.dispatch.common;

import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * A versioned table every instance may change (the rule table, the grid roster) as this instance decides with it.
 * The number of the latest stored version is read at most once per {@code ttl} (read before every decision, that small
 * read was a tenth of the service's CPU under load), and a newer version is loaded when the number has moved. A
 * version this instance stores is in force here at once ({@link #stored}); one stored by another instance is in force
 * here within {@code ttl} of its saving. A zero {@code ttl} reads the number on every use. Versions only ever move
 * forward: of two versions met at once (a check and a save), the newer stays.
 *
 * @param <T> the table as used (compiled, indexed)
 */
public final class LatestVersion<T> {

    private final IntSupplier latestNumber;
    private final IntFunction<Optional<T>> load;
    private final ToIntFunction<T> numberOf;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile Seen<T> seen;

    /**
     * @param first        the table before the first check (read or empty)
     * @param latestNumber the number of the latest stored version (one small read)
     * @param load         that version, loaded and prepared for use; empty keeps what was seen
     * @param nanoTime     a monotonic clock ({@code System::nanoTime}; a test passes one it moves)
     */
    public LatestVersion(T first, IntSupplier latestNumber, IntFunction<Optional<T>> load, ToIntFunction<T> numberOf,
            Duration ttl, LongSupplier nanoTime) {
        this.latestNumber = latestNumber;
        this.load = load;
        this.numberOf = numberOf;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.seen = new Seen<>(first, false, 0);
    }

    /** The version in force here: the one last seen while that check is younger than the ttl, else the latest stored. */
    public T get() {
        Seen<T> last = seen;
        long now = nanoTime.getAsLong();
        if (last.checked() && now - last.checkedAt() < ttlNanos) {
            return last.value();
        }
        return check(now);
    }

    /** The latest stored version, whatever the ttl: what an edit is based on (an edit saved on a stale base would be refused). */
    public T latest() {
        return check(nanoTime.getAsLong());
    }

    /** A version this instance has just stored: in force here at once. */
    public void stored(T value) {
        keep(value, nanoTime.getAsLong());
    }

    private T check(long now) {
        int latest = latestNumber.getAsInt();
        T known = seen.value();
        T found = latest > numberOf.applyAsInt(known) ? load.apply(latest).orElse(known) : known;
        return keep(found, now);
    }

    private synchronized T keep(T candidate, long checkedAt) {
        T kept = numberOf.applyAsInt(candidate) >= numberOf.applyAsInt(seen.value()) ? candidate : seen.value();
        seen = new Seen<>(kept, true, checkedAt);
        return kept;
    }

    private record Seen<T>(T value, boolean checked, long checkedAt) {
    }
}
