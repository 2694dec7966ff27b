package cn.luoyang.pollution.dispatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.rules.json.SeedTable;
import cn.luoyang.pollution.dispatch.support.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTableValidationTest {

    private final World world = new World();

    private static Rule rule(String id, int precedence, Conditions when, String lead) {
        return new Rule(id, precedence, id, when, new Outcome(lead, List.of(), "DISTRICT", "ROUTINE", "STANDARD"));
    }

    private static Conditions category(String category) {
        return new Conditions(List.of(category), null, null, null, null, null, null, null, null, null);
    }

    @Test
    void theDefaultTableIsValid() {
        assertThat(world.rules.check(SeedTable.defaults().rules(), SeedTable.defaults().alertRaise())).isEmpty();
    }

    @Test
    void aRuleNamesOnlyTheDeadlineProfilesTheCityConfigures() {
        List<String> districts = List.of("410305");
        List<Rule> simple = List.of(new Rule("R1", 10, "R1", category("NOISE_SOCIAL"),
                new Outcome("URBAN_MANAGEMENT", List.of(), "DISTRICT", "ROUTINE", "SIMPLE")));
        List<Rule> complex = List.of(new Rule("R1", 10, "R1", category("NOISE_SOCIAL"),
                new Outcome("URBAN_MANAGEMENT", List.of(), "DISTRICT", "ROUTINE", "COMPLEX")));

        RuleTableValidation builtIns = new RuleTableValidation(world.catalogue, districts);
        assertThat(builtIns.check(simple, null)).isEmpty();
        assertThat(builtIns.check(complex, null)).extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rules[0].then.deadlineProfile",
                        "must be one of [URGENT, SIMPLE, STANDARD]"));

        RuleTableValidation withComplex = new RuleTableValidation(world.catalogue, districts,
                List.of("URGENT", "SIMPLE", "STANDARD", "COMPLEX"));
        assertThat(withComplex.check(complex, null)).isEmpty();
    }

    @Test
    void unknownDepartmentIsRejectedWithTheFieldAndTheCode() {
        List<Rule> rules = List.of(rule("R1", 10, category("AIR_ODOUR"), "MINISTRY_OF_MAGIC"));

        assertThat(world.rules.check(rules, null)).extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rules[0].then.lead", "unknown department MINISTRY_OF_MAGIC"));
    }

    @Test
    void twoRulesThatCanMatchTheSameComplaintWithTheSamePrecedenceConflict() {
        Conditions night = new Conditions(List.of("AIR_MUCK_TRUCK"), null, null, null, null, null, null, "21:00", "05:00", null);
        List<Rule> rules = List.of(rule("DAY", 10, category("AIR_MUCK_TRUCK"), "URBAN_MANAGEMENT"),
                rule("NIGHT", 10, night, "TRAFFIC_POLICE"));

        List<FieldError> errors = world.rules.check(rules, null);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("rules[1].precedence");
            assertThat(e.message()).contains("NIGHT conflicts with rule DAY").contains("precedence");
        });
    }

    @Test
    void aHigherPrecedenceResolvesTheConflict() {
        Conditions night = new Conditions(List.of("AIR_MUCK_TRUCK"), null, null, null, null, null, null, "21:00", "05:00", null);
        List<Rule> rules = List.of(rule("DAY", 10, category("AIR_MUCK_TRUCK"), "URBAN_MANAGEMENT"),
                rule("NIGHT", 20, night, "TRAFFIC_POLICE"));

        assertThat(world.rules.check(rules, null)).isEmpty();
    }

    @Test
    void disjointTimeWindowsAcrossMidnightDoNotConflict() {
        Conditions night = new Conditions(List.of("AIR_MUCK_TRUCK"), null, null, null, null, null, null, "22:00", "06:00", null);
        Conditions day = new Conditions(List.of("AIR_MUCK_TRUCK"), null, null, null, null, null, null, "06:00", "22:00", null);

        assertThat(world.rules.check(List.of(rule("DAY", 10, day, "URBAN_MANAGEMENT"), rule("NIGHT", 10, night, "TRAFFIC_POLICE")), null))
                .isEmpty();
    }

    @Test
    void unknownCategoryDistrictAndTimeAreNamed() {
        Conditions bad = new Conditions(List.of("AIR_DRAGONS"), List.of("999999"), List.of("CASTLE"), null, null, null, null,
                "25:00", "06:00", null);

        assertThat(world.rules.check(List.of(rule("R", 10, bad, "URBAN_MANAGEMENT")), null)).extracting(FieldError::field)
                .contains("rules[0].when.categories", "rules[0].when.districts", "rules[0].when.sourceTypes", "rules[0].when.timeFrom");
    }

    @Test
    void savingMakesANewVersionThatDecidesAtOnce() {
        List<Rule> rules = new ArrayList<>(world.rules.current().rules());
        rules.replaceAll(r -> r.id().equals("OPEN-BURNING")
                ? new Rule(r.id(), r.precedence(), r.description(), r.when(),
                        new Outcome("ECOLOGY_ENVIRONMENT", List.of(), "DISTRICT", "ROUTINE", "STANDARD"))
                : r);

        RuleTable saved = world.rules.save(rules, world.rules.current().alertRaise(), "admin", "burning to ecology");

        assertThat(saved.version()).isEqualTo(2);
        assertThat(world.rules.versions()).containsExactly(1, 2);
        assertThat(world.rules.engine().table().version()).isEqualTo(2);
        assertThat(world.rules.version(1).orElseThrow().rules()).anyMatch(r -> r.id().equals("OPEN-BURNING")
                && r.then().lead().equals("URBAN_MANAGEMENT"));
    }

    @Test
    void anInvalidSaveChangesNothing() {
        List<Rule> rules = List.of(rule("R1", 10, category("AIR_ODOUR"), "NOBODY"));

        assertThatThrownBy(() -> world.rules.save(rules, null, "admin", null)).isInstanceOf(InvalidInput.class);
        assertThat(world.rules.current().version()).isEqualTo(1);
    }

    @Test
    void oneRuleCanBeReplacedAddedOrRemovedEachMakingANewVersion() {
        Rule nightBurning = rule("OPEN-BURNING-NIGHT", 20,
                new Conditions(List.of("AIR_OPEN_BURNING"), null, null, null, null, null, null, "22:00", "06:00", null),
                "PUBLIC_SECURITY");

        assertThat(world.rules.put(nightBurning, "admin", "police at night").version()).isEqualTo(2);
        assertThat(world.rules.current().rules()).anyMatch(r -> r.id().equals("OPEN-BURNING-NIGHT"));
        assertThat(world.rules.remove("OPEN-BURNING-NIGHT", "admin", null).version()).isEqualTo(3);
        assertThat(world.rules.current().rules()).noneMatch(r -> r.id().equals("OPEN-BURNING-NIGHT"));
        assertThatThrownBy(() -> world.rules.remove("NO-SUCH-RULE", "admin", null))
                .isInstanceOf(cn.luoyang.pollution.dispatch.common.NotFound.class);
    }

    @Test
    void replacingARuleSoThatItConflictsIsRejected() {
        Rule clash = rule("MUCK-TRUCK", 20, category("AIR_MUCK_TRUCK"), "TRANSPORT");

        assertThatThrownBy(() -> world.rules.put(clash, "admin", null)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.getMessage()).contains("conflicts with rule"));
    }
}
