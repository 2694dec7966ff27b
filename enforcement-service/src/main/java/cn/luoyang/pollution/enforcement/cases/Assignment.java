package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;
import java.util.List;

/**
 * One routing round: which unit led, with whom, when it came, by when it had to be signed for,
 * and whether it was signed or returned. The weekly figures are counted from these.
 */
public record Assignment(int round, Unit lead, List<Unit> coHandlers, Instant assignedAt, Instant signDeadline,
        Instant acceptedAt, Instant returnedAt) {

    public Assignment {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    Assignment accepted(Instant at) {
        return new Assignment(round, lead, coHandlers, assignedAt, signDeadline, at, returnedAt);
    }

    Assignment returned(Instant at) {
        return new Assignment(round, lead, coHandlers, assignedAt, signDeadline, acceptedAt, at);
    }

    public boolean signedOnTime() {
        return acceptedAt != null && !acceptedAt.isAfter(signDeadline);
    }
}
