package cn.luoyang.pollution.dispatch.dispatching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.Routing;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The seed speech's scenarios, decided by the default rule table. */
class SeedScenariosTest {

    private static final Instant NIGHT = Instant.parse("2026-11-28T15:30:00Z"); // 23:30 Beijing time
    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z"); // 12:00 Beijing time

    private final World world = new World();

    private Decision.Dispatch dispatched(String category, GeoPoint at, String address, Instant when) {
        Decision decision = world.dispatcher.decide(world.complaint(category, at, address, when));
        assertThat(decision).isInstanceOf(Decision.Dispatch.class);
        return (Decision.Dispatch) decision;
    }

    @Test
    void largeConstructionSiteGoesToTheCityHousingCommission() {
        world.site("SITE-LARGE", Luoyang.JIANXI, 20_000, null);

        Decision.Dispatch d = dispatched("AIR_CONSTRUCTION_DUST", Luoyang.east(Luoyang.JIANXI, 80), null, World.MORNING);

        assertThat(d.routing().ruleId()).isEqualTo("CONSTRUCTION-LARGE");
        assertThat(d.routing().leadDepartment()).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(d.routing().level()).isEqualTo("CITY");
        assertThat(d.source().source().id()).isEqualTo("SITE-LARGE");
        assertThat(d.source().metres()).isBetween(70.0, 90.0);
    }

    @Test
    void smallConstructionSiteGoesToTheDistrictGovernment() {
        world.site("SITE-SMALL", Luoyang.LUOLONG, 800, null);

        Decision.Dispatch d = dispatched("AIR_CONSTRUCTION_DUST", Luoyang.east(Luoyang.LUOLONG, 50), null, World.MORNING);

        assertThat(d.routing().ruleId()).isEqualTo("CONSTRUCTION-SMALL");
        assertThat(d.routing().leadDepartment()).isEqualTo("DISTRICT_GOVERNMENT");
        assertThat(d.routing().coHandlingDepartments()).containsExactly("HOUSING_CONSTRUCTION");
        assertThat(d.territory().districtCode()).isEqualTo("410311");
        assertThat(d.routing().level()).isEqualTo("DISTRICT");
    }

    @Test
    void constructionSiteOfAnIndustrySystemGoesToThatSystemWhateverItsSize() {
        world.site("SITE-HIGHWAY", Luoyang.LUOLONG, 30_000, "TRANSPORT");

        Decision.Dispatch d = dispatched("AIR_CONSTRUCTION_DUST", Luoyang.LUOLONG, null, World.MORNING);

        assertThat(d.routing().ruleId()).isEqualTo("CONSTRUCTION-INDUSTRY-SYSTEM");
        assertThat(d.routing().leadDepartment()).isEqualTo("TRANSPORT");
        assertThat(d.trace()).anyMatch(s -> s.detail().contains("owner system TRANSPORT"));
    }

    @Test
    void muckTruckAtNightGoesToUrbanManagementAndTrafficPoliceJointlyAndUrgently() {
        Routing r = dispatched("AIR_MUCK_TRUCK", Luoyang.JIANXI, null, NIGHT).routing();

        assertThat(r.ruleId()).isEqualTo("MUCK-TRUCK-NIGHT");
        assertThat(r.leadDepartment()).isEqualTo("URBAN_MANAGEMENT");
        assertThat(r.coHandlingDepartments()).containsExactly("TRAFFIC_POLICE");
        assertThat(r.priority()).isEqualTo("URGENT");
    }

    @Test
    void muckTruckAtNoonGoesToUrbanManagementAlone() {
        Routing r = dispatched("AIR_MUCK_TRUCK", Luoyang.JIANXI, null, NOON).routing();

        assertThat(r.ruleId()).isEqualTo("MUCK-TRUCK");
        assertThat(r.leadDepartment()).isEqualTo("URBAN_MANAGEMENT");
        assertThat(r.coHandlingDepartments()).isEmpty();
        assertThat(r.priority()).isEqualTo("ROUTINE");
    }

    @Test
    void strawBurningInATownshipGoesToAgricultureWithTheTownship() {
        Decision.Dispatch d = dispatched("AIR_STRAW_BURNING", null, "宜阳县柳泉镇南边麦地", World.MORNING);

        assertThat(d.routing().leadDepartment()).isEqualTo("AGRICULTURE");
        assertThat(d.routing().coHandlingDepartments()).containsExactly("TOWNSHIP_GOVERNMENT");
        assertThat(d.routing().level()).isEqualTo("TOWNSHIP");
        assertThat(d.territory().townshipName()).isEqualTo("柳泉镇");
        assertThat(d.territory().districtCode()).isEqualTo("410327");
    }

    @Test
    void sewageOutletOnARiverGoesToEcologyWithWaterAffairsAndNamesTheOutlet() {
        world.source("OUTLET-1", "SEWAGE_OUTLET", Luoyang.LUOLONG, "洛河");

        Decision.Dispatch d = dispatched("WATER_SEWAGE_OUTLET", Luoyang.east(Luoyang.LUOLONG, 120), null, World.MORNING);

        assertThat(d.routing().leadDepartment()).isEqualTo("ECOLOGY_ENVIRONMENT");
        assertThat(d.routing().coHandlingDepartments()).containsExactly("WATER_AFFAIRS");
        assertThat(d.source().source().waterBody()).isEqualTo("洛河");
        assertThat(d.trace()).anyMatch(s -> s.step().equals("source") && s.detail().contains("on 洛河"));
    }

    @Test
    void openAirBarbecueInTheOldTownGoesToUrbanManagementWithTheStreetOffice() {
        Decision.Dispatch d = dispatched("AIR_OPEN_BBQ", Luoyang.OLD_TOWN, null, NIGHT);

        assertThat(d.territory().districtCode()).isEqualTo("410302");
        assertThat(d.routing().ruleId()).isEqualTo("OPEN-BBQ-OLD-TOWN");
        assertThat(d.routing().leadDepartment()).isEqualTo("URBAN_MANAGEMENT");
        assertThat(d.routing().coHandlingDepartments()).containsExactly("TOWNSHIP_GOVERNMENT");
        assertThat(d.routing().level()).isEqualTo("TOWNSHIP");
    }

    @Test
    void openAirBarbecueElsewhereFollowsTheCitywideRule() {
        assertThat(dispatched("AIR_OPEN_BBQ", Luoyang.JIANXI, null, NIGHT).routing().ruleId()).isEqualTo("OPEN-BBQ");
    }

    @Test
    void smallScatteredPollutingWorkshopGoesToTheDistrictWithEcologyAndIndustry() {
        Routing r = dispatched("AIR_SMALL_POLLUTING_WORKSHOP", Luoyang.LUOLONG, null, World.MORNING).routing();

        assertThat(r.leadDepartment()).isEqualTo("DISTRICT_GOVERNMENT");
        assertThat(r.coHandlingDepartments()).containsExactly("ECOLOGY_ENVIRONMENT", "INDUSTRY_IT");
    }

    @Test
    void heavyPollutionAlertRaisesAirComplaintsToUrgent() {
        Decision routine = world.dispatcher.decide(world.complaint("AIR_ROAD_DUST", Luoyang.JIANXI, null, NOON), AlertLevel.NONE);
        Decision alerted = world.dispatcher.decide(world.complaint("AIR_ROAD_DUST", Luoyang.JIANXI, null, NOON), AlertLevel.ORANGE);
        Decision water = world.dispatcher.decide(world.complaint("WATER_BLACK_ODOROUS", Luoyang.JIANXI, null, NOON), AlertLevel.RED);

        assertThat(((Decision.Dispatch) routine).routing().priority()).isEqualTo("ROUTINE");
        assertThat(((Decision.Dispatch) alerted).routing().priority()).isEqualTo("URGENT");
        assertThat(((Decision.Dispatch) alerted).routing().deadlineProfile()).isEqualTo("URGENT");
        assertThat(alerted.trace()).anyMatch(s -> s.step().equals("alert"));
        assertThat(((Decision.Dispatch) water).routing().priority()).isEqualTo("ROUTINE");
    }

    @Test
    void everyDecisionTraceNamesTheRuleAndItsVersionAndTheTerritory() {
        Decision d = world.dispatcher.decide(world.complaint("AIR_OPEN_BURNING", Luoyang.JIANXI, null, NOON));

        assertThat(d.trace()).anyMatch(s -> s.step().equals("territory") && s.detail().contains("410305"));
        assertThat(d.trace()).anyMatch(s -> s.step().equals("rule") && s.detail().contains("OPEN-BURNING v1"));
    }
}
