package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.contracts.cases.EscalationLevel;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import cn.luoyang.pollution.enforcement.clocks.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The clocks of one case, kept inside the case document. A timer's "fired" mark is written in the
 * same atomic document update as the history entry and the outgoing event it caused; together with
 * the scheduler's lease and the case's version check, each timer fires exactly once, even with two
 * replicas and across restarts. {@link #nextDueAt} is what the scheduler queries.
 */
public class CaseClocks {

    static final Actor CLOCK = new Actor("clock", "SYSTEM", "ENFORCEMENT");

    List<RunningClock> running = new ArrayList<>();
    Instant nextDueAt;

    public List<RunningClock> all() {
        return Collections.unmodifiableList(running);
    }

    public Instant nextDueAt() {
        return nextDueAt;
    }

    public Optional<RunningClock> get(ClockName name) {
        return running.stream().filter(c -> c.name() == name).findFirst();
    }

    public Optional<Instant> deadlineOf(ClockName name) {
        return get(name).map(RunningClock::deadline);
    }

    /** The clock of that name while it runs. */
    Optional<RunningClock> active(ClockName name) {
        return get(name).filter(RunningClock::running);
    }

    /** Starts the clock's next generation (its first, or after the one before), running from {@code now} to {@code deadline}. */
    void restart(ClockName name, Instant now, Instant deadline, ClockRules rules) {
        start(rules.start(name, get(name).map(c -> c.generation() + 1).orElse(1), now, deadline));
    }

    void start(RunningClock clock) {
        running.removeIf(c -> c.name() == clock.name());
        running.add(clock);
        recompute();
    }

    void stop(ClockName name, Instant at) {
        running.replaceAll(c -> c.name() == name ? c.stop(at) : c);
        recompute();
    }

    void stopAll(Instant at) {
        running.replaceAll(c -> c.stop(at));
        recompute();
    }

    int fireDue(Instant now, Case owner) {
        int fired = 0;
        while (true) {
            Optional<RunningClock> clock = running.stream()
                    .filter(c -> c.dueTimer(now).isPresent())
                    .min(Comparator.comparing(c -> c.dueTimer(now).get().dueAt()));
            if (clock.isEmpty()) {
                break;
            }
            RunningClock c = clock.get();
            Timer timer = c.dueTimer(now).get();
            running.set(running.indexOf(c), c.markFired(timer));
            emit(owner, c, timer, now);
            fired++;
        }
        recompute();
        return fired;
    }

    private void emit(Case owner, RunningClock clock, Timer timer, Instant now) {
        String eventId = CaseRecord.newId();
        String department = owner.lead().department();
        switch (timer.kind()) {
            case REMINDER -> {
                String note = clock.name() + " due at " + clock.deadline();
                owner.record("DEADLINE_REMINDER", owner.state(), owner.state(), CLOCK, now, List.of(), note, eventId);
                owner.queue(new DeadlineApproaching(eventId, owner.id(), clock.name(), department, clock.deadline(), now,
                        DeadlineApproaching.VERSION));
            }
            case OVERDUE -> {
                owner.record("OVERDUE", owner.state(), owner.state(), CLOCK, now, List.of(),
                        clock.name() + " deadline " + clock.deadline() + " passed", eventId);
                owner.queue(new CaseOverdue(eventId, owner.id(), clock.name(), department, clock.deadline(), now,
                        CaseOverdue.VERSION));
                if (clock.name() == ClockName.RECTIFY) {
                    RectificationChecks.deadlinePassed(owner, clock, now);
                }
            }
            case ESCALATION -> {
                EscalationLevel level = EscalationLevel.nth(timer.level());
                owner.record("ESCALATED", owner.state(), owner.state(), CLOCK, now, List.of(),
                        clock.name() + ESCALATED_TO + level, eventId);
                owner.queue(new CaseEscalated(eventId, owner.id(), clock.name(), level, department, now,
                        CaseEscalated.VERSION));
            }
        }
    }

    /** The level of an {@code ESCALATED} history entry (its note is written by {@link #emit}), if it is one. */
    public static Optional<String> escalationLevel(HistoryEntry e) {
        if (!"ESCALATED".equals(e.action()) || e.note() == null) {
            return Optional.empty();
        }
        return Arrays.stream(EscalationLevel.values()).map(Enum::name).filter(level -> e.note().endsWith(ESCALATED_TO + level))
                .findFirst();
    }

    private static final String ESCALATED_TO = " overdue: escalated to ";

    private void recompute() {
        nextDueAt = running.stream().map(RunningClock::nextDue).flatMap(Optional::stream).min(Instant::compareTo).orElse(null);
    }

    /** The running clock that is past its deadline, if any. */
    public boolean overdueAt(Instant now) {
        return running.stream().anyMatch(c -> c.overdueAt(now));
    }
}
