package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case's routing rounds ({@link Assignment}s), in order: each new round is added waiting, and the
 * lead unit's sign-off (签收 or 退单) is recorded on the latest. Works on the case's list, which the
 * case keeps and the store saves.
 */
final class Assignments {

    private final List<Assignment> rounds;

    Assignments(List<Assignment> rounds) {
        this.rounds = rounds;
    }

    void route(RoutingRound round) {
        rounds.add(Assignment.routed(round));
    }

    void signOff(SignOff.Answer answer, Instant at) {
        int last = rounds.size() - 1;
        rounds.set(last, rounds.get(last).signedOff(answer, at));
    }

    /** The unit that led at {@code at}: the round in force then (the first before any; {@code current} without rounds). */
    Unit leadAt(Instant at, Unit current) {
        Unit unit = rounds.isEmpty() ? current : rounds.get(0).round().lead();
        for (Assignment a : rounds) {
            if (!a.round().assignedAt().isAfter(at)) {
                unit = a.round().lead();
            }
        }
        return unit;
    }
}
