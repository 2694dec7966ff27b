package cn.luoyang.pollution.enforcement.clocks;

import cn.luoyang.pollution.contracts.cases.ClockName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One clock of a case: when it started, its deadline, its timers, and when it stopped (null while
 * running). A new deadline (extension, reopening) makes a new generation with fresh timers.
 */
public record RunningClock(ClockName name, int generation, Instant startedAt, Instant deadline,
        List<Timer> timers, Instant stoppedAt) {

    public RunningClock {
        timers = timers == null ? List.of() : List.copyOf(timers);
    }

    public boolean running() {
        return stoppedAt == null;
    }

    public RunningClock stop(Instant at) {
        return running() ? new RunningClock(name, generation, startedAt, deadline, timers, at) : this;
    }

    public Optional<Instant> nextDue() {
        if (!running()) {
            return Optional.empty();
        }
        return timers.stream().filter(t -> !t.fired()).map(Timer::dueAt).min(Instant::compareTo);
    }

    /** The first unfired timer due at {@code now}, if any. */
    public Optional<Timer> dueTimer(Instant now) {
        if (!running()) {
            return Optional.empty();
        }
        return timers.stream().filter(t -> !t.fired() && !t.dueAt().isAfter(now))
                .min((a, b) -> a.dueAt().compareTo(b.dueAt()));
    }

    public RunningClock markFired(Timer timer) {
        List<Timer> updated = new ArrayList<>(timers);
        updated.set(updated.indexOf(timer), timer.firedNow());
        return new RunningClock(name, generation, startedAt, deadline, updated, stoppedAt);
    }

    public boolean overdueAt(Instant now) {
        return running() && now.isAfter(deadline);
    }
}
