package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.Decision;
import cn.luoyang.pollution.enforcement.cases.Extension;
import java.time.Instant;

/** An {@link Extension} as the API shows it: the request and its decision side by side; no decision yet while it waits. */
record ExtensionView(int days, String reason, Actor requestedBy, Instant requestedAt, Boolean approved, Actor decidedBy,
        Instant decidedAt, Instant newDeadline) {

    static ExtensionView of(Extension e) {
        Decision d = e.decision();
        return new ExtensionView(e.request().days(), e.request().reason(), e.request().by(), e.request().at(),
                d == null ? null : d.approved(), d == null ? null : d.by(), d == null ? null : d.at(), e.newDeadline());
    }
}
