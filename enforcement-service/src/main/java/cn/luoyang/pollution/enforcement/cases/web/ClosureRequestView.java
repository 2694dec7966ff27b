package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.ClosureProposal;
import cn.luoyang.pollution.enforcement.cases.ClosureRequest;
import cn.luoyang.pollution.enforcement.cases.Decision;
import cn.luoyang.pollution.enforcement.cases.Evidence;
import java.time.Instant;

/** A {@link ClosureRequest} as the API shows it: the proposal and its decision side by side; no decision yet while it waits. */
record ClosureRequestView(CaseState from, String outcome, String reply, Evidence cited, Actor requestedBy, Instant requestedAt,
        Boolean approved, Actor decidedBy, Instant decidedAt, String decisionNote) {

    static ClosureRequestView of(ClosureRequest r) {
        ClosureProposal p = r.proposal();
        Decision d = r.decision();
        return new ClosureRequestView(p.from(), p.outcome(), p.reply(), p.cited(), p.by(), p.at(),
                d == null ? null : d.approved(), d == null ? null : d.by(), d == null ? null : d.at(), d == null ? null : d.note());
    }
}
