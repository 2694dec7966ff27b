package cn.luoyang.pollution.enforcement.clocks;

import java.time.Instant;

/**
 * Something a clock does at a moment: remind at 75%, declare overdue at the deadline, escalate
 * (level 1 unit leader, 2 campaign office, 3 discipline office). {@code fired} is set in the same
 * document write as the event it produced, which is what makes it fire exactly once.
 */
public record Timer(Kind kind, int level, Instant dueAt, boolean fired) {

    public enum Kind { REMINDER, OVERDUE, ESCALATION }

    Timer firedNow() {
        return new Timer(kind, level, dueAt, true);
    }
}
