package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import cn.luoyang.pollution.enforcement.clocks.Timer;
import java.time.Instant;

/**
 * The inbox colours: red once a running clock is past its deadline, yellow once its reminder point
 * has passed (the clock's own REMINDER timer, i.e. the configured share of its time), else green.
 * Read from the case's clocks so the colour and the reminder SMS never disagree.
 */
public enum Urgency {
    ON_TIME, NEAR, OVERDUE;

    public static Urgency of(Case c, Instant now) {
        if (c.clocks().overdueAt(now)) {
            return OVERDUE;
        }
        boolean near = c.clocks().all().stream().filter(RunningClock::running)
                .flatMap(clock -> clock.timers().stream())
                .anyMatch(t -> t.kind() == Timer.Kind.REMINDER && !t.dueAt().isAfter(now));
        return near ? NEAR : ON_TIME;
    }

    /** CSS class of the row's badge. */
    public String css() {
        return switch (this) {
            case ON_TIME -> "green";
            case NEAR -> "yellow";
            case OVERDUE -> "red";
        };
    }
}
