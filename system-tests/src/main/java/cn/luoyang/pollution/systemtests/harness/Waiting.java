package cn.luoyang.pollution.systemtests.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** How a suite waits for the running system: until something is seen, or a quiet moment in which nothing more may come. */
public final class Waiting {

    private Waiting() {
    }

    /**
     * Polls {@code condition} (every 100 ms) until it holds; fails the test after {@code timeout} with
     * {@code what}, worked out then (so it shows what the system looked like when the wait ran out).
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        if (!Ledger.within(timeout, condition)) {
            throw new AssertionError("not seen within " + timeout.toSeconds() + " s: " + what.get());
        }
    }

    /** Waits {@code quiet} (e.g. for a second copy of a message, which would follow within seconds). */
    public static void pause(Duration quiet) {
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
