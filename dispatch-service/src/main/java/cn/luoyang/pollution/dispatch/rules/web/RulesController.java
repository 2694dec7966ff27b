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
import cn.luoyang.pollution.kit.security.Caller;
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

    /** A new version of the whole table; its author is the signed-in caller. */
    public record TableChange(List<Rule> rules, AlertRaise alertRaise, String note) {
    }

    /** One rule added or replaced. */
    public record RuleChange(Rule rule, String note) {
    }

    public record AlertChange(String level) {
    }

    public record CheckResult(boolean valid, List<FieldError> errors) {
    }

    @GetMapping("/rules")
    public RuleTable current() {
        return rules.current();
    }

    @PutMapping("/rules")
    public RuleTable replace(@RequestBody TableChange change, Caller caller) {
        return rules.save(change.rules(), change.alertRaise(), caller.name(), change.note());
    }

    @PutMapping("/rules/{ruleId}")
    public RuleTable putRule(@PathVariable String ruleId, @RequestBody RuleChange change, Caller caller) {
        if (change.rule() == null || !ruleId.equals(change.rule().id())) {
            throw new InvalidInput("rule.id", "must equal the id in the path, " + ruleId);
        }
        return rules.put(change.rule(), caller.name(), change.note());
    }

    @DeleteMapping("/rules/{ruleId}")
    public RuleTable removeRule(@PathVariable String ruleId, @RequestParam(required = false) String note, Caller caller) {
        return rules.remove(ruleId, caller.name(), note);
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
    public AlertSetting setAlertLevel(@RequestBody AlertChange change, Caller caller) {
        AlertLevel level;
        try {
            level = AlertLevel.valueOf(String.valueOf(change.level()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("level", "must be one of " + List.of(AlertLevel.values()));
        }
        return alert.set(level, caller.name());
    }
}
