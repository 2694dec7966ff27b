package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 办结审核: the lead unit's proposed closure (reply, outcome, the {@link Evidence} it cites) waiting for a second person.
 * {@code from} is the state the case returns to when the verifier rejects it; {@code decidedAt}
 * is null while it waits. A request stored before evidence was required cites {@link Evidence#NONE}.
 */
public record ClosureRequest(CaseState from, String outcome, String reply, Evidence cited,
        Actor requestedBy, Instant requestedAt, Boolean approved, Actor decidedBy, Instant decidedAt, String decisionNote) {

    public ClosureRequest {
        cited = cited == null ? Evidence.NONE : cited;
    }

    public boolean pending() {
        return decidedAt == null;
    }

    ClosureRequest decide(boolean approve, Actor by, Instant at, String note) {
        return new ClosureRequest(from, outcome, reply, cited, requestedBy, requestedAt, approve, by, at, note);
    }
}
