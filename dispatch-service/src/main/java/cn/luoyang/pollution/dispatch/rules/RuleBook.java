package cn.luoyang.pollution.dispatch.rules;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.common.LatestVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The city's rule table over time: the current version in force (compiled into a
 * {@link RuleEngine}) and every earlier one. The first start seeds version 1 from a file; after
 * that, the admin API saves new versions, each validated before it takes effect.
 *
 * <p>The store is the one truth for every instance: the number of the latest stored version is read (one
 * small read) at most once per {@code ttl}, and a newer table is then loaded and compiled ({@link LatestVersion}).
 * A change saved through this instance decides its very next complaint; one saved through another instance decides
 * here within the ttl (README, "Rule table and roster: how fresh").
 */
public final class RuleBook {

    private final RuleTables store;
    private final RuleTableValidation validation;
    private final Clock clock;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private volatile LatestVersion<RuleEngine> inForce;

    /** A book that reads the latest version number before every use (no ttl). */
    public RuleBook(RuleTables store, RuleTableValidation validation, Clock clock) {
        this(store, validation, clock, Duration.ZERO, System::nanoTime);
    }

    /**
     * @param ttl      how long a version number read from the store is trusted before it is read again
     * @param nanoTime a monotonic clock for the ttl ({@code System::nanoTime})
     */
    public RuleBook(RuleTables store, RuleTableValidation validation, Clock clock, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.validation = validation;
        this.clock = clock;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
    }

    /** Loads the latest stored version, or validates and stores the seed as version 1 when there is none. */
    public void start(Supplier<RuleTable> seed) {
        if (store.latest().isEmpty()) {
            RuleTable first = seed.get();
            List<FieldError> errors = validation.check(first.rules(), first.alertRaise());
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the seed rule table is invalid: " + new InvalidInput(errors).getMessage());
            }
            // false when another instance starting at the same moment seeded first: its version 1 is the one
            store.add(new RuleTable(1, first.rules(), first.alertRaise(), "seed", "loaded from file on first start", clock.instant()));
        }
        inForce = new LatestVersion<>(new RuleEngine(store.latest().orElseThrow()), store::latestVersion,
                version -> Optional.of(new RuleEngine(store.version(version).orElseGet(() -> store.latest().orElseThrow()))),
                engine -> engine.table().version(), ttl, nanoTime);
    }

    /** The engine of the version in force here: the latest stored, as last read within the ttl. */
    public RuleEngine engine() {
        return inForce.get();
    }

    public RuleTable current() {
        return engine().table();
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
    public RuleTable put(Rule rule, String changedBy, String note) {
        return change(rules -> {
            int at = indexOf(rules, rule.id());
            if (at < 0) {
                rules.add(rule);
            } else {
                rules.set(at, rule);
            }
            return rules;
        }, raise -> raise, changedBy, note);
    }

    /** A new version without the rule; {@link NotFound} when there is no such rule. */
    public RuleTable remove(String ruleId, String changedBy, String note) {
        return change(rules -> {
            int at = indexOf(rules, ruleId);
            if (at < 0) {
                throw new NotFound("no rule " + ruleId + " in version " + current().version());
            }
            rules.remove(at);
            return rules;
        }, raise -> raise, changedBy, note);
    }

    /** Validates and saves a new version that takes effect at once, on every instance. */
    public RuleTable save(List<Rule> rules, AlertRaise alertRaise, String changedBy, String note) {
        return change(ignored -> new ArrayList<>(rules), ignored -> alertRaise, changedBy, note);
    }

    /**
     * Applies an edit to the latest version and stores the result as the next one. Two admins saving
     * at once (on one or two instances) both aim at the same number; the second insert fails, and that
     * edit is applied again on top of the first one's version, as if it had come just after it.
     */
    private RuleTable change(UnaryOperator<List<Rule>> edit, UnaryOperator<AlertRaise> raise, String changedBy, String note) {
        while (true) {
            RuleTable base = inForce.latest().table();
            List<Rule> rules = edit.apply(new ArrayList<>(base.rules()));
            AlertRaise alertRaise = raise.apply(base.alertRaise());
            List<FieldError> errors = validation.check(rules, alertRaise);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            RuleTable next = new RuleTable(base.version() + 1, rules, alertRaise, changedBy, note, clock.instant());
            if (store.add(next)) {
                inForce.stored(new RuleEngine(next));
                return next;
            }
        }
    }

    private static int indexOf(List<Rule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
