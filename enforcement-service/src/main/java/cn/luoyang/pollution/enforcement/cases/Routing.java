package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What dispatch's decision (派单) writes on a case, for {@link Case#open} and {@link Case#reassign}: the
 * incident as dispatch describes it with its close clock, and each routing round's units, trace, grid
 * team, sign clock and {@link Assignment}.
 */
final class Routing {

    private Routing() {
    }

    /** The incident of a new case; its close clock (办结期限, capped at the 12369 bound) starts now. */
    static void describe(Case c, CaseDispatched d, Instant now, ClockRules rules) {
        c.id = d.caseId();
        c.trackingNumber = d.trackingNumber();
        c.complaintIds = new ArrayList<>(List.of(d.complaintId()));
        c.category = d.category();
        c.location = d.location();
        c.territory = d.territory();
        c.sourceId = d.sourceId();
        c.level = d.level();
        c.priority = d.priority();
        var profile = rules.profileFor(d.category(), d.priority(), d.deadlineProfile());
        c.deadlineProfile = profile.name();
        c.openedAt = now;
        c.clocks.restart(ClockName.CLOSE, now, rules.capped(rules.deadline(profile.close(), now), now), rules);
    }

    /** The round's lead unit and co-handlers (at the lead's territory); its sign clock (签收期限) starts now. */
    static void assign(Case c, CaseDispatched d, Instant now, ClockRules rules) {
        String unitTerritory = d.leadTerritory();
        c.lead = new Unit(d.leadDepartment(), unitTerritory);
        c.coHandlers = (d.coHandlingDepartments() == null ? List.<String>of() : d.coHandlingDepartments()).stream()
                .map(dep -> new Unit(dep, unitTerritory)).toList();
        c.routingRound = d.routingRound();
        c.arbitrated = d.arbitrated();
        c.dispatchTrace = d.trace() == null ? List.of() : List.copyOf(d.trace());
        c.gridTeam = d.gridTeam();
        Instant signBy = rules.deadline(rules.profileFor(c.category, c.priority, d.deadlineProfile()).sign(), now);
        c.clocks.restart(ClockName.SIGN, now, signBy, rules);
        new Assignments(c.assignments).route(new RoutingRound(d.routingRound(), c.lead, c.coHandlers, now, signBy,
                d.arbitrated()));
    }
}
