package cn.luoyang.pollution.dispatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.rules.json.SeedTable;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private final RuleEngine engine = new RuleEngine(new RuleTable(1, SeedTable.defaults().rules(),
            SeedTable.defaults().alertRaise(), "test", null, null));

    private Facts facts(String category, String district, LocalTime time) {
        return new Facts(category, "AIR", district, null, time, AlertLevel.NONE);
    }

    @Test
    void nightWindowWrapsMidnight() {
        assertThat(engine.route(facts("AIR_MUCK_TRUCK", "410305", LocalTime.of(5, 59))).orElseThrow().ruleId()).isEqualTo("MUCK-TRUCK-NIGHT");
        assertThat(engine.route(facts("AIR_MUCK_TRUCK", "410305", LocalTime.of(22, 0))).orElseThrow().ruleId()).isEqualTo("MUCK-TRUCK-NIGHT");
        assertThat(engine.route(facts("AIR_MUCK_TRUCK", "410305", LocalTime.of(6, 0))).orElseThrow().ruleId()).isEqualTo("MUCK-TRUCK");
        assertThat(engine.route(facts("AIR_MUCK_TRUCK", "410305", LocalTime.of(21, 59))).orElseThrow().ruleId()).isEqualTo("MUCK-TRUCK");
    }

    @Test
    void excludedLeadWithNoOtherRuleOrCoHandlerFallsToTheTerritory() {
        Routing r = engine.route(facts("AIR_MUCK_TRUCK", "410305", LocalTime.NOON), Set.of("URBAN_MANAGEMENT")).orElseThrow();

        assertThat(r.leadDepartment()).isEqualTo("DISTRICT_GOVERNMENT");
        assertThat(r.trace()).anyMatch(s -> s.step().equals("returns"));
    }

    @Test
    void excludedLeadHandsOverToARemainingCoHandler() {
        Routing r = engine.route(facts("AIR_MUCK_TRUCK", "410305", LocalTime.of(23, 0)), Set.of("URBAN_MANAGEMENT")).orElseThrow();

        assertThat(r.leadDepartment()).isEqualTo("TRAFFIC_POLICE");
        assertThat(r.coHandlingDepartments()).doesNotContain("URBAN_MANAGEMENT");
    }

    @Test
    void noDepartmentLeftGivesNoRouting() {
        assertThat(engine.route(facts("AIR_MUCK_TRUCK", "410305", LocalTime.NOON), Set.of("URBAN_MANAGEMENT", "DISTRICT_GOVERNMENT")))
                .isEmpty();
    }
}
