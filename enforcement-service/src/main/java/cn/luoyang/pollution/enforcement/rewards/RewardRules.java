package cn.luoyang.pollution.enforcement.rewards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The reward schedule (有奖举报奖励标准) as data ({@code rewards/reward-rules.yml}). Validated when
 * built, so a bad file stops the service at start: every line names a known category or {@code *},
 * a severity, {@code 0 < min <= max}, an approver among the allowed roles, no two lines for the same
 * category and severity, and every severity has a {@code *} line (so every substantiated case has a rule).
 * A category's own line wins over the {@code *} line.
 */
public final class RewardRules {

    /** Who may approve rewards: the campaign office (攻坚办) or an administrator. */
    public static final Set<String> APPROVERS = Set.of("CAMPAIGN_OFFICE", "ADMIN");

    private final List<RewardRule> rules;

    public RewardRules(List<RewardRule> rules, Predicate<String> knownCategory) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RewardRule r = rules.get(i);
            String at = "rule " + (i + 1) + ": ";
            if (r.category() == null || !(RewardRule.ANY_CATEGORY.equals(r.category()) || knownCategory.test(r.category()))) {
                problems.add(at + "unknown category " + r.category());
            }
            if (r.severity() == null) {
                problems.add(at + "no severity");
            }
            if (r.minYuan() == null || r.maxYuan() == null || r.minYuan().signum() <= 0 || r.minYuan().compareTo(r.maxYuan()) > 0) {
                problems.add(at + "the amount range must be 0 < min <= max, was " + r.minYuan() + ".." + r.maxYuan());
            }
            if (r.approver() == null || !APPROVERS.contains(r.approver())) {
                problems.add(at + "approver must be one of " + APPROVERS + ", was " + r.approver());
            }
            if (!keys.add(r.category() + "/" + r.severity())) {
                problems.add(at + "a second line for " + r.category() + " " + r.severity());
            }
        }
        for (Severity s : Severity.values()) {
            if (!keys.contains(RewardRule.ANY_CATEGORY + "/" + s)) {
                problems.add("no '*' line for " + s);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("reward rules: " + String.join("; ", problems));
        }
        this.rules = List.copyOf(rules);
    }

    /** The rule for a category and severity: the category's own line, else the {@code *} line. */
    public RewardRule ruleFor(String category, Severity severity) {
        Optional<RewardRule> own = rules.stream()
                .filter(r -> r.severity() == severity && r.category().equals(category)).findFirst();
        return own.orElseGet(() -> rules.stream()
                .filter(r -> r.severity() == severity && RewardRule.ANY_CATEGORY.equals(r.category()))
                .findFirst().orElseThrow());
    }

    public List<RewardRule> all() {
        return rules;
    }
}
