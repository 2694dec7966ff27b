package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;
import java.util.List;

/**
 * One routing round: which unit led, with whom, when it came, by when it had to be signed for,
 * whether it was signed or returned, and whether the round was the campaign office's arbitration.
 * The weekly figures are counted from these.
 */
public record Assignment(int round, Unit lead, List<Unit> coHandlers, Instant assignedAt, Instant signDeadline,
        Instant acceptedAt, Instant returnedAt, Boolean arbitrated) {

    public Assignment {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    Assignment accepted(Instant at) {
        return new Assignment(round, lead, coHandlers, assignedAt, signDeadline, at, returnedAt, arbitrated);
    }

    Assignment returned(Instant at) {
        return new Assignment(round, lead, coHandlers, assignedAt, signDeadline, acceptedAt, at, arbitrated);
    }

    /** True when the campaign office arbitrated this round (仲裁) after returns; null in documents older than the flag. */
    public boolean byArbitration() {
        return Boolean.TRUE.equals(arbitrated);
    }

    public boolean signedOnTime() {
        return acceptedAt != null && !acceptedAt.isAfter(signDeadline);
    }
}
