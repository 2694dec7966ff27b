package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;

/**
 * One routing round ({@link RoutingRound}) and the lead unit's {@link SignOff} of it (null while it
 * waits). The weekly figures are counted from these.
 */
public record Assignment(RoutingRound round, SignOff signOff) {

    static Assignment routed(RoutingRound round) {
        return new Assignment(round, null);
    }

    /** Neither signed for nor returned yet. */
    public boolean pending() {
        return signOff == null;
    }

    public boolean returned() {
        return signOff != null && signOff.answer() == SignOff.Answer.RETURNED;
    }

    public boolean signedOnTime() {
        return signOff != null && signOff.answer() == SignOff.Answer.ACCEPTED && !signOff.at().isAfter(round.signDeadline());
    }

    Assignment signedOff(SignOff.Answer answer, Instant at) {
        return new Assignment(round, new SignOff(answer, at));
    }
}
