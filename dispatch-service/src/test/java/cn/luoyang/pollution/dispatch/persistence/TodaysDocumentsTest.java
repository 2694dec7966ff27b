package cn.luoyang.pollution.dispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.dispatch.grids.Roster;
import cn.luoyang.pollution.dispatch.grids.persistence.MongoRosters;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.SourceType;
import cn.luoyang.pollution.dispatch.registry.persistence.MongoSources;
import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.AlertLevelStore.AlertSetting;
import cn.luoyang.pollution.dispatch.rules.Conditions;
import cn.luoyang.pollution.dispatch.rules.Outcome;
import cn.luoyang.pollution.dispatch.rules.Rule;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import cn.luoyang.pollution.dispatch.rules.json.SeedTable;
import cn.luoyang.pollution.dispatch.rules.persistence.MongoAlertLevelStore;
import cn.luoyang.pollution.dispatch.rules.persistence.MongoRuleTables;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.testing.CountedMongo;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Rule tables, the alert level, grid rosters and sources against the shape their stores wrote before
 * they mapped fields themselves (Spring Data's converter over the record or a holder record): such a
 * document loads whole, and the store now writes the same fields.
 * (Case files and decisions: {@code dispatching.persistence.DispatchDocumentsTest}.)
 */
class TodaysDocumentsTest {

    private final CountedMongo server = new CountedMongo("dispatch");
    private final MongoTemplate mongo = server.template();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRuleTableVersionInTodaysShapeLoadsWholeAndIsStoredWithTheSameFields() {
        RuleTable seed = SeedTable.defaults();
        List<Rule> rules = new ArrayList<>(seed.rules());
        rules.add(new Rule("every-condition", 5, "all set", new Conditions(List.of("AIR_DUST"), List.of("410305"),
                List.of("CONSTRUCTION_SITE"), true, 100L, 5000L, false, "22:00", "06:00", List.of(AlertLevel.ORANGE, AlertLevel.RED)),
                new Outcome("HJJ", List.of("ZJJ"), "DISTRICT", "URGENT", "URGENT")));
        RuleTable table = new RuleTable(3, rules, seed.alertRaise(), "admin", "with every condition", World.MORNING);
        Document former = formerlyWritten(new FormerTable(3, table));
        mongo.insert(former, "rule_tables");
        MongoRuleTables tables = new MongoRuleTables(mongo);

        assertThat(tables.version(3)).contains(table);
        RuleTable next = new RuleTable(4, rules, seed.alertRaise(), "admin", "with every condition", World.MORNING);
        assertThat(tables.add(next)).isTrue();
        assertThat(stored("rule_tables", 4)).isEqualTo(written(new FormerTable(4, next)));
    }

    @Test
    void theAlertLevelInTodaysShapeLoadsAndIsStoredWithTheSameFields() {
        AlertSetting setting = new AlertSetting(AlertLevel.ORANGE, "攻坚办", World.MORNING);
        Document former = formerlyWritten(new FormerSetting("alert-level", setting));
        mongo.insert(former, "settings");
        MongoAlertLevelStore store = new MongoAlertLevelStore(mongo);

        assertThat(store.load()).contains(setting);
        store.save(setting);
        assertThat(stored("settings", "alert-level")).isEqualTo(written(new FormerSetting("alert-level", setting)));
    }

    @Test
    void aRosterVersionInTodaysShapeLoadsWholeAndIsStoredWithTheSameFields() {
        List<GridTeam> teams = List.of(
                new GridTeam("410305-0017", new GridTeam.Member("lead-17", "网格长 李强"), List.of(new GridTeam.Member("grid-jianxi", "网格员 周杰"))),
                new GridTeam("410305-0018", null, List.of()));
        Roster roster = new Roster(2, teams, "campaign", "import", World.MORNING);
        Document former = formerlyWritten(new FormerRoster(2, roster));
        mongo.insert(former, "grid_rosters");
        MongoRosters rosters = new MongoRosters(mongo);

        assertThat(rosters.version(2)).contains(roster);
        Roster next = new Roster(3, teams, "campaign", "import", World.MORNING);
        assertThat(rosters.add(next)).isTrue();
        assertThat(stored("grid_rosters", 3)).isEqualTo(written(new FormerRoster(3, next)));
    }

    @Test
    void sourcesInTodaysShapeLoadWholeAndAreStoredWithTheSameFields() {
        List<PollutionSource> all = List.of(
                new PollutionSource("SITE-1", SourceType.CONSTRUCTION_SITE, "工地 1", 112.4, 34.6, "410305", "南昌路", "某建设公司",
                        "张局长", "李经理", 6000L, "TRANSPORT", null, World.MORNING, List.of("LY0001")),
                new PollutionSource("OUT-1", SourceType.SEWAGE_OUTLET, "排污口 1", 112.5, 34.7, "410311", null, "某单位", null, null,
                        null, null, "洛河", World.MORNING, List.of()));
        MongoSources sources = new MongoSources(mongo);
        for (PollutionSource source : all) {
            mongo.insert(formerlyWritten(source), "sources");
            assertThat(sources.byId(source.id())).contains(source);
        }

        sources.saveAll(all);
        for (PollutionSource source : all) {
            assertThat(stored("sources", source.id())).isEqualTo(written(source));
        }
        assertThat(sources.all()).containsExactlyInAnyOrderElementsOf(all);
    }

    /** The holders the stores wrote before (sources were written as they are). */
    record FormerTable(Integer id, RuleTable table) {
    }

    record FormerSetting(String id, AlertSetting setting) {
    }

    record FormerRoster(Integer id, Roster roster) {
    }

    /** {@code value} as Spring Data's converter wrote it, {@code _class} included. */
    private Document formerlyWritten(Object value) {
        Document doc = new Document();
        mongo.getConverter().write(value, doc);
        return doc;
    }

    /** What the stores write now: the same, without the {@code _class} nothing reads. */
    private Document written(Object value) {
        Document doc = formerlyWritten(value);
        doc.remove("_class");
        return doc;
    }

    private Document stored(String collection, Object id) {
        return mongo.findById(id, Document.class, collection);
    }
}
