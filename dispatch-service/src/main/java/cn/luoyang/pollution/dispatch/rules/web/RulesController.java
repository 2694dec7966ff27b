package cn.luoyang.pollution.dispatch.rules.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.AlertLevelStore.AlertSetting;
import cn.luoyang.pollution.dispatch.rules.AlertRaise;
import cn.luoyang.pollution.dispatch.rules.CurrentAlert;
import cn.luoyang.pollution.dispatch.rules.Rule;
import cn.luoyang.pollution.dispatch.rules.RuleBook;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rule table's admin API and the heavy-pollution alert level. */
@RestController
@RequestMapping("/dispatch")
class RulesController {

    private final RuleBook rules;
    private final CurrentAlert alert;

    public RulesController(RuleBook rules, CurrentAlert alert) {
        this.rules = rules;
        this.alert = alert;
    }

    /** A new version of the whole table. */
    public record TableChange(List<Rule> rules, AlertRaise alertRaise, String changedBy, String note) {
    }

    /** One rule added or replaced. */
    public record RuleChange(Rule rule, String changedBy, String note) {
    }

    public record AlertChange(String level, String setBy) {
    }

    public record CheckResult(boolean valid, List<FieldError> errors) {
    }

    @GetMapping("/rules")
    public RuleTable current() {
        return rules.current();
    }

    @PutMapping("/rules")
    public RuleTable replace(@RequestBody TableChange change) {
        if (change.changedBy() == null || change.changedBy().isBlank()) {
            throw new InvalidInput("changedBy", "required: who changes the city's rules is recorded");
        }
        return rules.save(change.rules(), change.alertRaise(), change.changedBy(), change.note());
    }

    @PutMapping("/rules/{ruleId}")
    public RuleTable putRule(@PathVariable String ruleId, @RequestBody RuleChange change) {
        requireAuthor(change.changedBy());
        if (change.rule() == null || !ruleId.equals(change.rule().id())) {
            throw new InvalidInput("rule.id", "must equal the id in the path, " + ruleId);
        }
        return rules.put(change.rule(), change.changedBy(), change.note());
    }

    @DeleteMapping("/rules/{ruleId}")
    public RuleTable removeRule(@PathVariable String ruleId, @RequestParam String changedBy,
            @RequestParam(required = false) String note) {
        requireAuthor(changedBy);
        return rules.remove(ruleId, changedBy, note);
    }

    private static void requireAuthor(String changedBy) {
        if (changedBy == null || changedBy.isBlank()) {
            throw new InvalidInput("changedBy", "required: who changes the city's rules is recorded");
        }
    }

    @PostMapping("/rules/check")
    public CheckResult check(@RequestBody TableChange change) {
        List<FieldError> errors = rules.check(change.rules(), change.alertRaise());
        return new CheckResult(errors.isEmpty(), errors);
    }

    @GetMapping("/rules/versions")
    public List<Integer> versions() {
        return rules.versions();
    }

    @GetMapping("/rules/versions/{version}")
    public RuleTable version(@PathVariable int version) {
        return rules.version(version).orElseThrow(() -> new NotFound("no rule table version " + version));
    }

    @GetMapping("/alert-level")
    public AlertSetting alertLevel() {
        return alert.setting();
    }

    @PutMapping("/alert-level")
    public AlertSetting setAlertLevel(@RequestBody AlertChange change) {
        AlertLevel level;
        try {
            level = AlertLevel.valueOf(String.valueOf(change.level()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("level", "must be one of " + List.of(AlertLevel.values()));
        }
        if (change.setBy() == null || change.setBy().isBlank()) {
            throw new InvalidInput("setBy", "required");
        }
        return alert.set(level, change.setBy());
    }
}
