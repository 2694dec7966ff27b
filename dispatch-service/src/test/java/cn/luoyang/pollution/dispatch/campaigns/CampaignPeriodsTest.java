package cn.luoyang.pollution.dispatch.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.campaigns.json.CampaignFile;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.dispatching.Decision;
import cn.luoyang.pollution.dispatch.dispatching.Dispatcher;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.MovableClock;
import cn.luoyang.pollution.dispatch.support.World;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Campaign periods (攻坚期, e.g. 百日攻坚) on an injected clock: while one is active for a complaint's
 * category and district, dispatch raises the priority and shortens the deadline profile, and the trace
 * says which period did it; before and after, and elsewhere, the rule's routing stands.
 */
class CampaignPeriodsTest {

    /** 2027-03-01 00:00 Beijing time. */
    private static final Instant FIRST_DAY_BEIJING_MIDNIGHT = Instant.parse("2027-02-28T16:00:00Z");

    private final World world = new World();
    private final MovableClock clock = new MovableClock(FIRST_DAY_BEIJING_MIDNIGHT.minusSeconds(1), World.CITY);
    private final CampaignPeriod bairi = new CampaignPeriod("BAIRI-2027", "百日攻坚", LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 6, 8), List.of("AIR_CONSTRUCTION_DUST"), List.of("410305"), "URGENT", "URGENT");
    private final Dispatcher dispatcher = new Dispatcher(world.jurisdiction, world.registry, world.rules, world.openCases,
            world.alert::level, world.catalogue, World.CITY, world.roster, world.campaigns(List.of(bairi), clock));

    private Decision.Dispatch dust(cn.luoyang.pollution.contracts.GeoPoint where) {
        return (Decision.Dispatch) dispatcher.decide(world.complaint("AIR_CONSTRUCTION_DUST", where, null, clock.instant()));
    }

    @Test
    void theDayBeforeThePeriodTheRuleStands() {
        Decision.Dispatch d = dust(Luoyang.JIANXI);

        assertThat(d.routing().priority()).isEqualTo("ROUTINE");
        assertThat(d.routing().deadlineProfile()).isEqualTo("STANDARD");
        assertThat(d.trace()).extracting(TraceStep::step).doesNotContain("campaign");
    }

    @Test
    void fromItsFirstDayBeijingTimeToItsLastThePeriodRaisesPriorityAndShortensTheProfileAndSaysSo() {
        clock.advance(Duration.ofSeconds(1));
        Decision.Dispatch first = dust(Luoyang.JIANXI);
        assertThat(first.routing().priority()).isEqualTo("URGENT");
        assertThat(first.routing().deadlineProfile()).isEqualTo("URGENT");
        assertThat(first.routing().ruleId()).isEqualTo("CONSTRUCTION-DUST");
        assertThat(first.trace()).filteredOn(s -> s.step().equals("campaign")).singleElement()
                .extracting(TraceStep::detail).asString()
                .contains("百日攻坚", "BAIRI-2027", "2027-03-01", "2027-06-08", "AIR_CONSTRUCTION_DUST", "410305",
                        "priority ROUTINE → URGENT", "deadline profile STANDARD → URGENT");

        clock.advance(Duration.ofDays(100).minusSeconds(1)); // 2027-06-08 23:59:59 Beijing time
        assertThat(dust(Luoyang.JIANXI).routing().priority()).isEqualTo("URGENT");
        clock.advance(Duration.ofSeconds(1));
        assertThat(dust(Luoyang.JIANXI).routing().priority()).isEqualTo("ROUTINE");
    }

    @Test
    void outsideItsDistrictsOrCategoriesThePeriodDoesNothing() {
        clock.advance(Duration.ofDays(10));

        assertThat(dust(Luoyang.OLD_TOWN).routing().priority()).isEqualTo("ROUTINE");
        Decision.Dispatch bbq = (Decision.Dispatch) dispatcher.decide(world.complaint("AIR_OPEN_BBQ", Luoyang.JIANXI, null,
                clock.instant()));
        assertThat(bbq.trace()).extracting(TraceStep::step).doesNotContain("campaign");
    }

    @Test
    void aPeriodNeverLengthensAProfileNorLowersAPriority() {
        clock.advance(Duration.ofDays(10));
        CampaignPeriod mild = new CampaignPeriod("MILD", "秋冬攻坚", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                List.of(), List.of(), "ROUTINE", "STANDARD");
        CampaignCalendar calendar = world.campaigns(List.of(mild), clock);
        var urgent = new cn.luoyang.pollution.dispatch.rules.Routing("R", 1, "URBAN_MANAGEMENT", List.of(), "DISTRICT", "URGENT",
                "SIMPLE", List.of());

        var applied = calendar.apply(urgent, "AIR_MUCK_TRUCK", "410305");

        assertThat(applied.priority()).isEqualTo("URGENT");
        assertThat(applied.deadlineProfile()).isEqualTo("SIMPLE");
        assertThat(applied.trace()).singleElement().extracting(TraceStep::detail).asString()
                .contains("priority URGENT (unchanged)", "deadline profile SIMPLE (unchanged)");
    }

    @Test
    void theCaseDispatchedAndItsReroutingAfterAReturnCarryThePeriodsPriorityProfileAndTrace() {
        clock.advance(Duration.ofDays(1));
        World during = new World();
        CampaignCalendar calendar = during.campaigns(List.of(bairi), clock);
        Dispatcher d = new Dispatcher(during.jurisdiction, during.registry, during.rules, during.openCases, during.alert::level,
                during.catalogue, World.CITY, during.roster, calendar);
        var desk = new cn.luoyang.pollution.dispatch.dispatching.DispatchDesk(d, during.decisions, during.cases,
                during.openCases, during.events.relay(cn.luoyang.pollution.dispatch.support.InMemory.DecisionStore.COLLECTION), during.clock, during.ids);
        var returns = new cn.luoyang.pollution.dispatch.returns.Returns(during.cases, during.rules, during.registry,
                during.alert::level, during.catalogue, new cn.luoyang.pollution.dispatch.returns.ReturnPolicy(2), during.events.relay(cn.luoyang.pollution.dispatch.support.InMemory.CaseStore.COLLECTION),
                during.clock, World.CITY, during.ids, during.roster, calendar);

        desk.registered(during.registered("c1", "AIR_CONSTRUCTION_DUST", Luoyang.JIANXI, null, clock.instant()));
        CaseDispatched event = during.events.of(CaseDispatched.class).get(0);
        returns.returned(new CaseReturned("ret-1", event.caseId(), event.leadDepartment(), "NOT_OUR_DUTY", "不属于本单位",
                1, null, clock.instant(), 1));

        assertThat(event.priority()).isEqualTo(Priority.URGENT);
        assertThat(event.deadlineProfile()).isEqualTo("URGENT");
        assertThat(event.trace()).extracting(TraceStep::step).contains("campaign");
        CaseDispatched rerouted = during.events.of(CaseDispatched.class).get(1);
        assertThat(rerouted.routingRound()).isEqualTo(2);
        assertThat(rerouted.leadDepartment()).isNotEqualTo(event.leadDepartment());
        assertThat(rerouted.priority()).isEqualTo(Priority.URGENT);
        assertThat(rerouted.trace()).extracting(TraceStep::step).contains("return", "campaign");
    }

    @Test
    void periodsAreCheckedFieldByField() {
        CampaignPeriod broken = new CampaignPeriod("X", " ", LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 1),
                List.of("NOT_A_CATEGORY"), List.of("999999"), "LOUD", "FAST");

        assertThatThrownBy(() -> world.campaigns(List.of(bairi, broken)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("campaigns[1].name", "campaigns[1].lastDay", "campaigns[1].categories",
                                "campaigns[1].districts", "campaigns[1].priority", "campaigns[1].deadlineProfile"));
    }

    @Test
    void theBundledFileIsValidAndHoldsThe2027HundredDays() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("campaigns/campaign-periods.json")) {
            List<CampaignPeriod> periods = CampaignFile.read(in);
            CampaignCalendar calendar = world.campaigns(periods);
            assertThat(calendar.all()).extracting(CampaignPeriod::name).anyMatch(n -> n.contains("百日攻坚"));
        }
    }
}
