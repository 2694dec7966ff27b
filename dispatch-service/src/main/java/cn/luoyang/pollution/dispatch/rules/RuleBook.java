package cn.luoyang.pollution.dispatch.rules;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The city's rule table over time: the current version in force (compiled into a
 * {@link RuleEngine}) and every earlier one. The first start seeds version 1 from a file; after
 * that, the admin API saves new versions, each validated before it takes effect.
 */
public final class RuleBook {

    private final RuleTables store;
    private final RuleTableValidation validation;
    private final Clock clock;
    private volatile RuleEngine current;

    public RuleBook(RuleTables store, RuleTableValidation validation, Clock clock) {
        this.store = store;
        this.validation = validation;
        this.clock = clock;
    }

    /** Loads the latest stored version, or validates and stores the seed as version 1 when there is none. */
    public void start(Supplier<RuleTable> seed) {
        RuleTable table = store.latest().orElseGet(() -> {
            RuleTable first = seed.get();
            List<FieldError> errors = validation.check(first.rules(), first.alertRaise());
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the seed rule table is invalid: " + new InvalidInput(errors).getMessage());
            }
            RuleTable v1 = new RuleTable(1, first.rules(), first.alertRaise(), "seed", "loaded from file on first start", clock.instant());
            store.add(v1);
            return v1;
        });
        current = new RuleEngine(table);
    }

    public RuleEngine engine() {
        return current;
    }

    public RuleTable current() {
        return current.table();
    }

    public Optional<RuleTable> version(int version) {
        return store.version(version);
    }

    public List<Integer> versions() {
        return store.versions();
    }

    public List<FieldError> check(List<Rule> rules, AlertRaise alertRaise) {
        return validation.check(rules, alertRaise);
    }

    /** A new version with this rule added, or replacing the rule of the same id. */
    public synchronized RuleTable put(Rule rule, String changedBy, String note) {
        List<Rule> rules = new java.util.ArrayList<>(current().rules());
        int at = indexOf(rules, rule.id());
        if (at < 0) {
            rules.add(rule);
        } else {
            rules.set(at, rule);
        }
        return save(rules, current().alertRaise(), changedBy, note);
    }

    /** A new version without the rule; {@link NotFound} when there is no such rule. */
    public synchronized RuleTable remove(String ruleId, String changedBy, String note) {
        List<Rule> rules = new java.util.ArrayList<>(current().rules());
        int at = indexOf(rules, ruleId);
        if (at < 0) {
            throw new NotFound("no rule " + ruleId + " in version " + current().version());
        }
        rules.remove(at);
        return save(rules, current().alertRaise(), changedBy, note);
    }

    private static int indexOf(List<Rule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Validates and saves a new version that takes effect at once. */
    public synchronized RuleTable save(List<Rule> rules, AlertRaise alertRaise, String changedBy, String note) {
        List<FieldError> errors = validation.check(rules, alertRaise);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        RuleTable next = new RuleTable(current().version() + 1, rules, alertRaise, changedBy, note, clock.instant());
        store.add(next);
        current = new RuleEngine(next);
        return next;
    }
}
