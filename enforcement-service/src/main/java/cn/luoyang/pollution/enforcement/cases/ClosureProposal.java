package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 办结申请: what the lead unit proposes: the reply, the outcome and the {@link Evidence} it cites.
 * {@code from} is the state the case returns to when the verifier rejects it. A proposal stored before
 * evidence was required cites {@link Evidence#NONE}.
 */
public record ClosureProposal(CaseState from, String outcome, String reply, Evidence cited, Actor by, Instant at) {

    public ClosureProposal {
        cited = cited == null ? Evidence.NONE : cited;
    }
}
