package cn.luoyang.pollution.enforcement.rewards;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import java.util.Optional;

/**
 * How serious the violation a closed case found was (违法情节), the second key of a reward rule.
 * A case is <b>substantiated</b> (举报属实) when it closed and its timeline shows a violation acted on:
 * a penalty (处罚) or a rectification order (限期整改). A case closed unfounded, on the spot or after
 * an inspection alone is not.
 */
public enum Severity {
    /** A rectification order, no penalty. */
    RECTIFICATION,
    /** A fine. */
    PENALTY,
    /** Suspension, closure of the business or a referral to the police. */
    MAJOR_PENALTY;

    /** The severity of a closed, substantiated case; empty when the case is open or found no violation. */
    public static Optional<Severity> of(Case aCase) {
        if (aCase.state() != CaseState.CLOSED) {
            return Optional.empty();
        }
        Penalty penalty = aCase.penalty();
        if (penalty != null) {
            return Optional.of(penalty.kind() == Penalty.Kind.FINE ? PENALTY : MAJOR_PENALTY);
        }
        boolean ordered = aCase.history().entries().stream()
                .anyMatch(e -> "RECTIFICATION_ORDERED".equals(e.action()) || "PENALIZED".equals(e.action()));
        return ordered ? Optional.of(RECTIFICATION) : Optional.empty();
    }
}
