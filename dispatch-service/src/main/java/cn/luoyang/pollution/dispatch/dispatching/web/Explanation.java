package cn.luoyang.pollution.dispatch.dispatching.web;

import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.dispatching.Decision;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.rules.Routing;
import java.util.List;

/** The answer of {@code POST /dispatch/explain}: what would happen, and why. Nothing is dispatched. */
public record Explanation(String outcome, Territory territory, LinkedSource source, RoutingView routing, MergeView merge,
        FailureView failure, List<TraceStep> trace) {

    public record LinkedSource(String id, String type, String name, double metres, String responsibleUnit,
            String responsibleLeader, String responsiblePerson, Long investmentWanYuan, String ownerSystem, String waterBody) {
    }

    public record RoutingView(String ruleId, int ruleVersion, String leadDepartment, List<String> coHandlingDepartments,
            String level, String priority, String deadlineProfile) {
    }

    public record MergeView(String caseId, double metres, long minutesApart) {
    }

    public record FailureView(String reason, String detail, List<String> candidates) {
    }

    static Explanation of(Decision decision) {
        if (decision instanceof Decision.Dispatch d) {
            Routing r = d.routing();
            LinkedSource source = null;
            if (d.source() != null) {
                PollutionSource s = d.source().source();
                source = new LinkedSource(s.id(), s.type().name(), s.name(), Math.round(d.source().metres() * 10) / 10.0,
                        s.responsibleUnit(), s.responsibleLeader(), s.responsiblePerson(), s.investmentWanYuan(),
                        s.ownerSystem(), s.waterBody());
            }
            return new Explanation("DISPATCH", d.territory(), source, new RoutingView(r.ruleId(), r.ruleVersion(),
                    r.leadDepartment(), r.coHandlingDepartments(), r.level(), r.priority(), r.deadlineProfile()), null, null,
                    d.trace());
        }
        if (decision instanceof Decision.Merge m) {
            return new Explanation("MERGE", m.territory(), null, null, new MergeView(m.target().openCase().caseId(),
                    Math.round(m.target().metres() * 10) / 10.0, m.target().minutesApart()), null, m.trace());
        }
        Decision.Queue q = (Decision.Queue) decision;
        return new Explanation("QUEUE", null, null, null, null, new FailureView(q.reason(), q.detail(), q.candidates()), q.trace());
    }
}
