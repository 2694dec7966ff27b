package cn.luoyang.pollution.dispatch.dispatching;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the writes of one dispatch process (complaints, returns, closures, manual acts), so
 * that the in-memory merge index and the case files never disagree. Decisions themselves are
 * pure and cheap; this lock is not on the hot path of {@code explain}.
 */
public final class CaseLock {

    private final ReentrantLock lock = new ReentrantLock();

    public <T> T with(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(Runnable work) {
        with(() -> {
            work.run();
            return null;
        });
    }
}
