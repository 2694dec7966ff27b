package cn.luoyang.pollution.dispatch.rules.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.AlertLevelStore.AlertSetting;
import cn.luoyang.pollution.dispatch.rules.Conditions;
import cn.luoyang.pollution.dispatch.rules.Outcome;
import cn.luoyang.pollution.dispatch.rules.Rule;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import cn.luoyang.pollution.dispatch.rules.SeedTable;
import cn.luoyang.pollution.dispatch.support.World;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Rule tables and the alert level against the shape their stores wrote before they mapped fields
 * themselves (Spring Data's converter over a holder record): such documents load whole, and what
 * the stores write now has the same fields.
 */
class RuleTableDocumentsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + bound(server));
    private final MongoTemplate mongo = new MongoTemplate(client, "dispatch");

    private static int bound(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRuleTableStoredInTodaysShapeLoadsWholeAndIsWrittenWithTheSameFields() {
        RuleTable seed = SeedTable.defaults();
        List<Rule> rules = new ArrayList<>(seed.rules());
        rules.add(new Rule("every-condition", 5, "all set", new Conditions(List.of("AIR_DUST"), List.of("410305"),
                List.of("CONSTRUCTION_SITE"), true, 100L, 5000L, false, "22:00", "06:00", List.of(AlertLevel.ORANGE, AlertLevel.RED)),
                new Outcome("HJJ", List.of("ZJJ"), "DISTRICT", "URGENT", "URGENT")));
        RuleTable table = new RuleTable(3, rules, seed.alertRaise(), "admin", "with every condition", World.MORNING);
        Document former = formerlyWritten(new FormerTable(3, table));
        mongo.insert(former, MongoRuleTables.COLLECTION);

        assertThat(new MongoRuleTables(mongo).version(3)).contains(table);
        former.remove("_class");
        assertThat(RuleTableDocuments.document(table)).isEqualTo(former);
    }

    @Test
    void theAlertLevelStoredInTodaysShapeLoadsAndIsWrittenWithTheSameFields() {
        AlertSetting setting = new AlertSetting(AlertLevel.ORANGE, "攻坚办", World.MORNING);
        Document former = formerlyWritten(new FormerSetting("alert-level", setting));
        mongo.insert(former, MongoAlertLevelStore.COLLECTION);

        assertThat(new MongoAlertLevelStore(mongo).load()).contains(setting);
        former.remove("_class");
        assertThat(RuleTableDocuments.setting("alert-level", setting)).isEqualTo(former);
    }

    /** The holders the stores wrote before. */
    record FormerTable(Integer id, RuleTable table) {
    }

    record FormerSetting(String id, AlertSetting setting) {
    }

    private Document formerlyWritten(Object value) {
        Document doc = new Document();
        mongo.getConverter().write(value, doc);
        return doc;
    }
}
