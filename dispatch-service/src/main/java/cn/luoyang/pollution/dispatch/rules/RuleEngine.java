package cn.luoyang.pollution.dispatch.rules;

import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one version of the rule table. Rules are grouped by category once, so a decision
 * looks only at the few rules of its category. Departments that returned the case (退单) are
 * passed in as excluded: the next matching rule whose lead is still willing decides; if none,
 * a remaining co-handler of the best rule leads; if none, the district government (属地为主).
 */
public final class RuleEngine {

    private static final String TERRITORY_FALLBACK = "DISTRICT_GOVERNMENT";

    private final RuleTable table;
    private final Map<String, List<Compiled>> byCategory = new HashMap<>();
    private final List<Compiled> anyCategory = new ArrayList<>();

    public RuleEngine(RuleTable table) {
        this.table = table;
        List<Compiled> compiled = table.rules().stream().map(Compiled::new)
                .sorted(Comparator.comparingInt((Compiled c) -> -c.rule.precedence()).thenComparing(c -> c.rule.id()))
                .toList();
        for (Compiled c : compiled) {
            if (c.rule.when().categories().isEmpty()) {
                anyCategory.add(c);
            }
        }
        for (Compiled c : compiled) {
            for (String category : c.rule.when().categories()) {
                byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(c);
            }
        }
        byCategory.replaceAll((category, list) -> merged(list));
    }

    public RuleTable table() {
        return table;
    }

    public Optional<Routing> route(Facts facts) {
        return route(facts, Set.of());
    }

    public Optional<Routing> route(Facts facts, Set<String> excluded) {
        List<Compiled> candidates = byCategory.getOrDefault(facts.category(), anyCategory);
        Compiled best = null;
        String bestLead = null;
        for (Compiled c : candidates) {
            if (!c.matches(facts)) {
                continue;
            }
            String lead = c.lead(facts);
            if (lead == null) {
                continue;
            }
            if (best == null) {
                best = c;
                bestLead = lead;
            }
            if (!excluded.contains(lead)) {
                return Optional.of(routing(c, lead, facts, excluded, null));
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        for (String co : best.rule.then().coHandlers()) {
            if (!excluded.contains(co)) {
                return Optional.of(routing(best, co, facts, excluded,
                        "lead " + bestLead + " returned the case; co-handler " + co + " leads"));
            }
        }
        if (!excluded.contains(TERRITORY_FALLBACK)) {
            return Optional.of(routing(best, TERRITORY_FALLBACK, facts, excluded,
                    "every department of the rule returned the case; the territory (属地) leads"));
        }
        return Optional.empty();
    }

    private Routing routing(Compiled c, String lead, Facts facts, Set<String> excluded, String note) {
        Outcome then = c.rule.then();
        LinkedHashSet<String> co = new LinkedHashSet<>(then.coHandlers());
        String ruleLead = c.lead(facts);
        if (!ruleLead.equals(lead)) {
            co.add(ruleLead);
        }
        co.remove(lead);
        co.removeAll(excluded);
        String priority = then.priority();
        String profile = then.deadlineProfile();
        List<TraceStep> trace = new ArrayList<>(3);
        trace.add(new TraceStep("rule", c.rule.id() + " v" + table.version() + " (precedence " + c.rule.precedence() + "): "
                + c.rule.description() + " → " + lead + (co.isEmpty() ? "" : " + " + co)
                + (Outcome.SOURCE_OWNER_SYSTEM.equals(then.lead()) ? " (the source's owner system)" : "")));
        if (!excluded.isEmpty()) {
            trace.add(new TraceStep("returns", "excluded after returns: " + excluded + (note == null ? "" : "; " + note)));
        }
        AlertRaise raise = table.alertRaise();
        if (raise != null && facts.alertLevel() != null && facts.alertLevel().atLeast(raise.atOrAbove())
                && raise.categoryGroups().contains(facts.categoryGroup()) && "ROUTINE".equals(priority)) {
            priority = "URGENT";
            profile = "URGENT";
            trace.add(new TraceStep("alert", "heavy-pollution alert " + facts.alertLevel() + " (≥ " + raise.atOrAbove()
                    + ") raises " + facts.categoryGroup() + " complaints to URGENT"));
        }
        return new Routing(c.rule.id(), table.version(), lead, List.copyOf(co), then.level(), priority, profile, trace);
    }

    private List<Compiled> merged(List<Compiled> specific) {
        List<Compiled> all = new ArrayList<>(specific);
        all.addAll(anyCategory);
        all.sort(Comparator.comparingInt((Compiled c) -> -c.rule.precedence()).thenComparing(c -> c.rule.id()));
        return List.copyOf(all);
    }

    /** A rule with its conditions parsed once. */
    private static final class Compiled {
        final Rule rule;
        final TimeWindow window;
        final Set<String> districts;
        final Set<String> sourceTypes;
        final Set<AlertLevel> alerts;

        Compiled(Rule rule) {
            this.rule = rule;
            Conditions when = rule.when();
            this.window = TimeWindow.of(when.timeFrom(), when.timeTo());
            this.districts = Set.copyOf(when.districts());
            this.sourceTypes = Set.copyOf(when.sourceTypes());
            this.alerts = Set.copyOf(when.alertLevels());
        }

        boolean matches(Facts f) {
            Conditions when = rule.when();
            if (!districts.isEmpty() && !districts.contains(f.districtCode())) {
                return false;
            }
            var link = f.source();
            if (when.sourceLinked() != null && when.sourceLinked() != (link != null)) {
                return false;
            }
            if (!sourceTypes.isEmpty() && (link == null || !sourceTypes.contains(link.source().type().name()))) {
                return false;
            }
            if (when.minInvestmentWanYuan() != null || when.maxInvestmentWanYuan() != null) {
                Long investment = link == null ? null : link.source().investmentWanYuan();
                if (investment == null
                        || when.minInvestmentWanYuan() != null && investment < when.minInvestmentWanYuan()
                        || when.maxInvestmentWanYuan() != null && investment >= when.maxInvestmentWanYuan()) {
                    return false;
                }
            }
            if (when.ownerSystemPresent() != null
                    && when.ownerSystemPresent() != (link != null && link.source().hasOwnerSystem())) {
                return false;
            }
            if (window != TimeWindow.ALL_DAY && (f.localTime() == null || !window.contains(f.localTime()))) {
                return false;
            }
            return alerts.isEmpty() || alerts.contains(f.alertLevel());
        }

        String lead(Facts f) {
            String lead = rule.then().lead();
            if (Outcome.SOURCE_OWNER_SYSTEM.equals(lead)) {
                return f.source() != null && f.source().source().hasOwnerSystem() ? f.source().source().ownerSystem() : null;
            }
            return lead;
        }
    }
}
