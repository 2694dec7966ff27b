package cn.luoyang.pollution.dispatch.rules;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.DeadlineProfile;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.dispatch.registry.SourceType;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a rule table before it is saved: every code known (departments, categories, districts,
 * source types), every value in range, and no two rules that could match the same complaint with
 * the same precedence but a different decision — the city must say which one wins.
 */
public final class RuleTableValidation {

    private static final Set<String> LEVELS = names(Level.values());
    private static final Set<String> PRIORITIES = names(Priority.values());

    private final Catalogue catalogue;
    private final Set<String> districtCodes;
    private final Set<String> profiles;

    /** Checks deadline profiles against the built-in ones (URGENT, SIMPLE, STANDARD). */
    public RuleTableValidation(Catalogue catalogue, Collection<String> districtCodes) {
        this(catalogue, districtCodes, DeadlineProfile.builtInNames());
    }

    /** @param profiles the deadline profiles the city configures (enforcement has clocks for each) */
    public RuleTableValidation(Catalogue catalogue, Collection<String> districtCodes, Collection<String> profiles) {
        this.catalogue = catalogue;
        this.districtCodes = Set.copyOf(districtCodes);
        this.profiles = new java.util.LinkedHashSet<>(profiles);
    }

    public List<FieldError> check(List<Rule> rules, AlertRaise alertRaise) {
        List<FieldError> errors = new ArrayList<>();
        if (rules == null || rules.isEmpty()) {
            errors.add(new FieldError("rules", "a rule table needs at least one rule"));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (rule.id() == null || rule.id().isBlank()) {
                errors.add(new FieldError(at + ".id", "required"));
            } else if (!ids.add(rule.id())) {
                errors.add(new FieldError(at + ".id", "duplicate rule id " + rule.id()));
            }
            checkConditions(errors, at + ".when", rule.when());
            checkOutcome(errors, at + ".then", rule.then());
        }
        if (alertRaise != null) {
            if (alertRaise.atOrAbove() == null) {
                errors.add(new FieldError("alertRaise.atOrAbove", "required: the lowest alert level that raises priority"));
            }
            alertRaise.categoryGroups().stream().filter(g -> catalogue.categories().stream().noneMatch(c -> c.group().equals(g)))
                    .forEach(g -> errors.add(new FieldError("alertRaise.categoryGroups", "unknown category group " + g)));
        }
        if (errors.isEmpty()) {
            checkConflicts(errors, rules);
        }
        return errors;
    }

    private void checkConditions(List<FieldError> errors, String at, Conditions when) {
        if (when == null) {
            errors.add(new FieldError(at, "required (use {} to match every complaint)"));
            return;
        }
        when.categories().stream().filter(c -> catalogue.category(c).isEmpty())
                .forEach(c -> errors.add(new FieldError(at + ".categories", "unknown category " + c)));
        when.districts().stream().filter(d -> !districtCodes.contains(d))
                .forEach(d -> errors.add(new FieldError(at + ".districts", "unknown district code " + d)));
        for (String type : when.sourceTypes()) {
            try {
                SourceType.valueOf(type);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".sourceTypes", "unknown source type " + type));
            }
        }
        if (when.minInvestmentWanYuan() != null && when.maxInvestmentWanYuan() != null
                && when.minInvestmentWanYuan() >= when.maxInvestmentWanYuan()) {
            errors.add(new FieldError(at + ".maxInvestmentWanYuan", "must be greater than minInvestmentWanYuan"));
        }
        if ((when.timeFrom() == null) != (when.timeTo() == null)) {
            errors.add(new FieldError(at + ".timeTo", "timeFrom and timeTo go together"));
        } else if (when.timeFrom() != null) {
            LocalTime from = time(errors, at + ".timeFrom", when.timeFrom());
            LocalTime to = time(errors, at + ".timeTo", when.timeTo());
            if (from != null && from.equals(to)) {
                errors.add(new FieldError(at + ".timeTo", "an empty window: timeFrom equals timeTo"));
            }
        }
    }

    private void checkOutcome(List<FieldError> errors, String at, Outcome then) {
        if (then == null) {
            errors.add(new FieldError(at, "required"));
            return;
        }
        if (then.lead() == null || !Outcome.SOURCE_OWNER_SYSTEM.equals(then.lead()) && catalogue.department(then.lead()).isEmpty()) {
            errors.add(new FieldError(at + ".lead", "unknown department " + then.lead()));
        }
        then.coHandlers().stream().filter(d -> catalogue.department(d).isEmpty())
                .forEach(d -> errors.add(new FieldError(at + ".coHandlers", "unknown department " + d)));
        if (!LEVELS.contains(String.valueOf(then.level()))) {
            errors.add(new FieldError(at + ".level", "must be one of " + LEVELS));
        }
        if (!PRIORITIES.contains(String.valueOf(then.priority()))) {
            errors.add(new FieldError(at + ".priority", "must be one of " + PRIORITIES));
        }
        if (!profiles.contains(String.valueOf(then.deadlineProfile()))) {
            errors.add(new FieldError(at + ".deadlineProfile", "must be one of " + profiles));
        }
    }

    private static LocalTime time(List<FieldError> errors, String field, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be HH:mm, got " + value));
            return null;
        }
    }

    private static void checkConflicts(List<FieldError> errors, List<Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                Rule a = rules.get(i);
                Rule b = rules.get(j);
                if (a.precedence() == b.precedence() && !a.then().equals(b.then()) && overlap(a.when(), b.when())) {
                    errors.add(new FieldError("rules[" + j + "].precedence", "rule " + b.id() + " conflicts with rule " + a.id()
                            + ": both can match the same complaint with precedence " + a.precedence()
                            + " but decide differently; give one a higher precedence or narrow its conditions"));
                }
            }
        }
    }

    /** Could one complaint satisfy both? Each dimension either leaves room for both or rules it out. */
    static boolean overlap(Conditions a, Conditions b) {
        if (disjoint(a.categories(), b.categories()) || disjoint(a.districts(), b.districts())
                || disjoint(a.sourceTypes(), b.sourceTypes()) || disjoint(a.alertLevels(), b.alertLevels())) {
            return false;
        }
        boolean aLinked = a.needsSource();
        boolean bLinked = b.needsSource();
        if (Boolean.FALSE.equals(a.sourceLinked()) && bLinked || Boolean.FALSE.equals(b.sourceLinked()) && aLinked) {
            return false;
        }
        if (a.ownerSystemPresent() != null && b.ownerSystemPresent() != null && !a.ownerSystemPresent().equals(b.ownerSystemPresent())) {
            return false;
        }
        long aMin = a.minInvestmentWanYuan() == null ? Long.MIN_VALUE : a.minInvestmentWanYuan();
        long aMax = a.maxInvestmentWanYuan() == null ? Long.MAX_VALUE : a.maxInvestmentWanYuan();
        long bMin = b.minInvestmentWanYuan() == null ? Long.MIN_VALUE : b.minInvestmentWanYuan();
        long bMax = b.maxInvestmentWanYuan() == null ? Long.MAX_VALUE : b.maxInvestmentWanYuan();
        if (aMin >= bMax || bMin >= aMax) {
            return false;
        }
        return TimeWindow.of(a.timeFrom(), a.timeTo()).overlaps(TimeWindow.of(b.timeFrom(), b.timeTo()));
    }

    private static <T> boolean disjoint(List<T> a, List<T> b) {
        return !a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
