package cn.luoyang.pollution.dispatch.rules.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
import static cn.luoyang.pollution.kit.persistence.Fields.embed;
import static cn.luoyang.pollution.kit.persistence.Fields.embedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.embedded;
import static cn.luoyang.pollution.kit.persistence.Fields.embeddedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.enumOf;
import static cn.luoyang.pollution.kit.persistence.Fields.instant;
import static cn.luoyang.pollution.kit.persistence.Fields.intOf;
import static cn.luoyang.pollution.kit.persistence.Fields.name;
import static cn.luoyang.pollution.kit.persistence.Fields.strings;

import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.AlertLevelStore.AlertSetting;
import cn.luoyang.pollution.dispatch.rules.AlertRaise;
import cn.luoyang.pollution.dispatch.rules.Conditions;
import cn.luoyang.pollution.dispatch.rules.Outcome;
import cn.luoyang.pollution.dispatch.rules.Rule;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import java.util.List;
import org.bson.Document;

/**
 * A rule table version as a document of {@code rule_tables} ({@code {_id: version, table}}) and the
 * alert level as the {@code alert-level} document of {@code settings} ({@code {_id, setting}}), field
 * by field. A rule's id is stored as {@code _id} inside its rule, as it always was.
 */
final class RuleTableDocuments {

    private RuleTableDocuments() {
    }

    static Document document(RuleTable t) {
        return new Document("_id", t.version()).append("table", compact(new Document("version", t.version())
                .append("rules", embedAll(t.rules(), RuleTableDocuments::rule))
                .append("alertRaise", embed(t.alertRaise(), a -> compact(new Document("atOrAbove", name(a.atOrAbove()))
                        .append("categoryGroups", a.categoryGroups()))))
                .append("changedBy", t.changedBy()).append("note", t.note()).append("savedAt", date(t.savedAt()))));
    }

    static RuleTable table(Document stored) {
        Document t = stored.get("table", Document.class);
        return new RuleTable(intOf(t, "version"), embeddedAll(t, "rules", RuleTableDocuments::rule),
                embedded(t, "alertRaise", a -> new AlertRaise(enumOf(AlertLevel.class, a, "atOrAbove"), strings(a, "categoryGroups"))),
                t.getString("changedBy"), t.getString("note"), instant(t, "savedAt"));
    }

    private static Document rule(Rule r) {
        return compact(new Document("_id", r.id()).append("precedence", r.precedence()).append("description", r.description())
                .append("when", embed(r.when(), RuleTableDocuments::conditions))
                .append("then", embed(r.then(), o -> compact(new Document("lead", o.lead()).append("coHandlers", o.coHandlers())
                        .append("level", o.level()).append("priority", o.priority())
                        .append("deadlineProfile", o.deadlineProfile())))));
    }

    private static Rule rule(Document d) {
        return new Rule(d.getString("_id"), intOf(d, "precedence"), d.getString("description"),
                embedded(d, "when", RuleTableDocuments::conditions),
                embedded(d, "then", o -> new Outcome(o.getString("lead"), strings(o, "coHandlers"), o.getString("level"),
                        o.getString("priority"), o.getString("deadlineProfile"))));
    }

    private static Document conditions(Conditions c) {
        return compact(new Document("categories", c.categories()).append("districts", c.districts())
                .append("sourceTypes", c.sourceTypes()).append("sourceLinked", c.sourceLinked())
                .append("minInvestmentWanYuan", c.minInvestmentWanYuan()).append("maxInvestmentWanYuan", c.maxInvestmentWanYuan())
                .append("ownerSystemPresent", c.ownerSystemPresent()).append("timeFrom", c.timeFrom()).append("timeTo", c.timeTo())
                .append("alertLevels", c.alertLevels().stream().map(Enum::name).toList()));
    }

    private static Conditions conditions(Document d) {
        List<String> levels = strings(d, "alertLevels");
        return new Conditions(strings(d, "categories"), strings(d, "districts"), strings(d, "sourceTypes"),
                d.getBoolean("sourceLinked"), longOrNull(d, "minInvestmentWanYuan"), longOrNull(d, "maxInvestmentWanYuan"),
                d.getBoolean("ownerSystemPresent"), d.getString("timeFrom"), d.getString("timeTo"),
                levels == null ? null : levels.stream().map(AlertLevel::valueOf).toList());
    }

    private static Long longOrNull(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? null : n.longValue();
    }

    static Document setting(String id, AlertSetting s) {
        return new Document("_id", id).append("setting", compact(new Document("level", name(s.level()))
                .append("setBy", s.setBy()).append("setAt", date(s.setAt()))));
    }

    static AlertSetting setting(Document stored) {
        Document s = stored.get("setting", Document.class);
        return new AlertSetting(enumOf(AlertLevel.class, s, "level"), s.getString("setBy"), instant(s, "setAt"));
    }
}
