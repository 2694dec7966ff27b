package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 延期: asked by the lead unit with a reason and a number of days, decided by a supervisor.
 * {@code decidedAt} is null while it waits.
 */
public record Extension(int days, String reason, Actor requestedBy, Instant requestedAt,
        Boolean approved, Actor decidedBy, Instant decidedAt, Instant newDeadline) {

    public boolean pending() {
        return decidedAt == null;
    }

    Extension decide(boolean approve, Actor by, Instant at, Instant deadline) {
        return new Extension(days, reason, requestedBy, requestedAt, approve, by, at, deadline);
    }
}
