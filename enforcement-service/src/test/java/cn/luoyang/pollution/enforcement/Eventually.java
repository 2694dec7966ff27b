package cn.luoyang.pollution.enforcement;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something asynchronous (a consumed record) to become true; fails with the last value. */
public final class Eventually {

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        if (!done.test(value)) {
            throw new AssertionError("still not there after " + timeout + ": " + value);
        }
        return value;
    }

    private Eventually() {
    }
}
