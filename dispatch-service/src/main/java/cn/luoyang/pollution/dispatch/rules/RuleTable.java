package cn.luoyang.pollution.dispatch.rules;

import java.time.Instant;
import java.util.List;

/**
 * A version of the whole rule table. Every save makes a new version; decisions name the rule id
 * and the version that decided them, so a past decision can always be explained.
 */
public record RuleTable(int version, List<Rule> rules, AlertRaise alertRaise, String changedBy, String note,
        Instant savedAt) {

    public RuleTable {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
