package cn.luoyang.pollution.enforcement.statistics;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.Rules;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.Unit;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.statistics.Figures.Accountability;
import cn.luoyang.pollution.enforcement.statistics.persistence.MongoCallbacks;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures that hold units to account (issue 15), computed from cases stored in MongoDB and read
 * back: week 1 = Mon 23 – Sun 29 Nov 2026, week 2 = Mon 30 Nov – Sun 6 Dec, reported Mon 7 Dec 09:00.
 * Every case is in 涧西区 (410305), township 410305001 unless said otherwise; hand counts in the comments.
 */
class AccountabilityStatisticsTest {

    static final Actor ZJ = new Actor("zj-jianxi", "HANDLER", "HOUSING_CONSTRUCTION@410305");
    static final Actor CAMPAIGN = new Actor("campaign", "CAMPAIGN_OFFICE", "CAMPAIGN_OFFICE@410300");
    static final Actor CG_CITY = new Actor("cg-city", "HANDLER", "URBAN_MANAGEMENT@410300");
    static final String CG = "URBAN_MANAGEMENT@410305";
    static final Officer OFFICE = new Officer("campaign", "攻坚办", Role.CAMPAIGN_OFFICE, "CAMPAIGN_OFFICE", "410300", null);
    static final Officer HANDLER = new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);

    static Instant t(String beijing) {
        return LocalDateTime.parse(beijing).atZone(Rules.BEIJING).toInstant();
    }

    final MongoFixture mongo = new MongoFixture();
    MongoCases cases;
    MongoCallbacks callbacks;
    WeeklyReports reports;

    @BeforeEach
    void storeTheCases() {
        cases = new MongoCases(mongo.replica(), new EventCodec());
        // A: never signed (due Tue 24 10:00); escalated Wed 25 (leader), Fri 27 (office), Tue 1 Dec (discipline); urged Wed 25
        Case a = dispatched("CASE-A");
        a.fireDueTimers(t("2026-11-25T12:00"));
        a.urge(CAMPAIGN, t("2026-11-25T15:00"), "请立即签收");
        a.fireDueTimers(t("2026-11-27T10:00"));
        a.fireDueTimers(t("2026-12-04T12:00"));
        cases.save(a);
        // B: 城管 returns, 住建 (round 2) returns, the campaign office arbitrates round 3 back to 城管:
        // 城管's return overruled, 住建's upheld
        Case b = dispatched("CASE-B");
        b.returnCase(LEAD, t("2026-11-23T11:00"), "NOT_OUR_DUTY", "属住建");
        b.reassign(Dispatches.round("CASE-B", "HOUSING_CONSTRUCTION", "410305", 2), t("2026-11-23T12:00"), RULES);
        b.returnCase(ZJ, t("2026-11-23T13:00"), "NOT_OUR_DUTY", "属城管");
        b.reassign(arbitrated(Dispatches.round("CASE-B", "URBAN_MANAGEMENT", "410305", 3)), t("2026-11-23T15:00"), RULES);
        b.accept(LEAD, t("2026-11-23T16:00"), null, RULES);
        cases.save(b);
        // C: rectify by Thu 26 10:00; the deadline passes (到期复查 opened), leader escalation Fri 27 10:00,
        // the check fails Fri 27 11:00, an extension is asked Fri 27 12:00; office and discipline escalations
        // (due Tue 1 and Thu 3 Dec) fire late, Fri 4 Dec, and count when they happened
        Case c = dispatched("CASE-C");
        c.accept(LEAD, t("2026-11-23T10:10"), null, RULES);
        c.startInspection(LEAD, t("2026-11-23T10:20"), List.of(), null);
        c.orderRectification(LEAD, t("2026-11-23T10:30"), t("2026-11-26T10:00"), EVIDENCE, "限期三日", RULES);
        c.fireDueTimers(t("2026-11-27T10:00"));
        c.recordRectificationCheck(SECOND, t("2026-11-27T11:00"), false, List.of("recheck.jpg"), "未整改");
        c.requestExtension(LEAD, t("2026-11-27T12:00"), 5, "企业设备到货");
        c.fireDueTimers(t("2026-12-04T12:00"));
        cases.save(c);
        // D: closed Tue 24, drawn for 随机抽查 by 市城管, found NOT_RESOLVED Wed 25: a re-inspection failure of 城管
        Case d = dispatched("CASE-D");
        d.accept(LEAD, t("2026-11-23T11:00"), null, RULES);
        d.startInspection(LEAD, t("2026-11-23T12:00"), List.of(), null);
        d.findUnfounded(LEAD, t("2026-11-23T13:00"), EVIDENCE, null);
        closeVerified(d, t("2026-11-24T10:00"), "不属实");
        d.drawForReinspection(Unit.parse("URBAN_MANAGEMENT@410300"), t("2026-11-24T10:00"));
        d.recordReinspection(CG_CITY, t("2026-11-25T10:00"), false, List.of("recheck.jpg"), "仍有扬尘", RULES);
        cases.save(d);
        // E: no township known; urged Thu 26
        Case e = Case.open(withoutTownship("CASE-E"), t("2026-11-23T10:00"), RULES);
        e.urge(CAMPAIGN, t("2026-11-26T10:00"), null);
        cases.save(e);
        // callbacks (回访) notification-service reported ended: B's Mon 23 12:30 while 住建 led it (round 2), A's
        // Thu 26 (城管), delivered twice; one about a complaint not yet dispatched (no case: counts nowhere)
        callbacks = new MongoCallbacks(mongo.replica());
        callbacks.record(new Callback("cb-b", "CASE-B", "cmp-CASE-B", "CLOSED", CallbackOutcome.REACHED, t("2026-11-23T12:30")));
        callbacks.record(new Callback("cb-a", "CASE-A", "cmp-CASE-A", "REGISTERED", CallbackOutcome.NOT_REACHED, t("2026-11-26T10:00")));
        callbacks.record(new Callback("cb-a", "CASE-A", "cmp-CASE-A", "REGISTERED", CallbackOutcome.NOT_REACHED, t("2026-11-26T10:00")));
        callbacks.record(new Callback("cb-x", null, "cmp-X", "REGISTERED", CallbackOutcome.ANSWERED, t("2026-11-24T10:00")));
        reports = new WeeklyReports(cases, callbacks, Clock.fixed(t("2026-12-07T09:00"), Rules.BEIJING), Rules.BEIJING);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void perUnitTheWeeksEscalationsUrgesArbitrationsFailuresAndExtensionRequestsEqualTheHandCount() {
        WeeklyReport week = reports.report(OFFICE, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30"),
                WeeklyStatistics.Grouping.UNIT, null);

        // leader: A Wed 25 + C Fri 27; office: A Fri 27; urges A, E; overruled: B round 1; 随机抽查: D; 到期复查: C
        assertThat(row(week, CG).accountability())
                .isEqualTo(new Accountability(2, 1, 0, 2, 0, 1, 1, 1, 1, 1));
        assertThat(row(week, CG).accountability().escalations()).isEqualTo(3);
        assertThat(row(week, "HOUSING_CONSTRUCTION@410305").accountability())
                .as("住建's return was upheld by the arbitration").isEqualTo(new Accountability(0, 0, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(week.csv()).contains(",escalated_unit_leader,escalated_campaign_office,escalated_discipline_office,urges,")
                .contains(CG + ",").contains(",2,1,0,2,0,1,1,1,1,1,6,1,1,0\n");
    }

    @Test
    void perUnitTheCallbacksThatEndedCountAgainstTheUnitLeadingTheCaseThen() {
        WeeklyReport week = reports.report(OFFICE, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30"),
                WeeklyStatistics.Grouping.UNIT, null);

        // A's callback (delivered twice, kept once) did not reach the reporter; B's did, while 住建 led B
        assertThat(row(week, CG)).extracting(Figures::callbacks, Figures::callbacksReached).containsExactly(1, 0);
        assertThat(row(week, "HOUSING_CONSTRUCTION@410305")).extracting(Figures::callbacks, Figures::callbacksReached)
                .containsExactly(1, 1);
        assertThat(week.rows().stream().mapToInt(Figures::callbacks).sum()).as("the one without a case counts nowhere")
                .isEqualTo(2);
        assertThat(week.csv().lines().findFirst().orElseThrow()).endsWith(",callbacks,callbacks_reached");

        WeeklyReport district = reports.report(OFFICE, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30"),
                WeeklyStatistics.Grouping.TERRITORY, null);
        assertThat(row(district, "410305")).extracting(Figures::callbacks, Figures::callbacksReached).containsExactly(2, 1);
    }

    @Test
    void perTownshipAndPerDistrict() {
        WeeklyReport townships = reports.report(OFFICE, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30"),
                WeeklyStatistics.Grouping.TOWNSHIP, null);
        assertThat(townships.rows()).extracting(Figures::key).containsExactly("410305-UNKNOWN", "410305001");
        assertThat(row(townships, "410305001").accountability()).isEqualTo(new Accountability(2, 1, 0, 1, 1, 1, 1, 1, 1, 1));
        assertThat(row(townships, "410305-UNKNOWN").accountability()).isEqualTo(new Accountability(0, 0, 0, 1, 0, 0, 0, 0, 0, 0));
        assertThat(row(townships, "410305001").received()).as("A, B (three rounds), C, D").isEqualTo(6);

        WeeklyReport district = reports.report(OFFICE, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30"),
                WeeklyStatistics.Grouping.TERRITORY, null);
        assertThat(row(district, "410305").accountability()).isEqualTo(new Accountability(2, 1, 0, 2, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void theTrendGivesEachOfTheLastWeeksOldestFirst() {
        WeeklyTrend trend = reports.trend(OFFICE, 2, null, WeeklyStatistics.Grouping.UNIT, CG);

        assertThat(trend.weeks()).extracting(w -> w.period().fromDay())
                .containsExactly(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30"));
        assertThat(trend.weeks().get(0).rows()).singleElement()
                .satisfies(r -> assertThat(r.accountability()).isEqualTo(new Accountability(2, 1, 0, 2, 0, 1, 1, 1, 1, 1)));
        // week 2: A's discipline escalation; C's office and discipline escalations
        assertThat(trend.weeks().get(1).rows()).singleElement().satisfies(r -> {
            assertThat(r.received()).isZero();
            assertThat(r.accountability()).isEqualTo(new Accountability(0, 1, 2, 0, 0, 0, 0, 0, 0, 0));
        });
        assertThat(trend.csv().lines()).hasSize(3).first().asString().startsWith("week,key,received");
        assertThat(trend.csv()).contains("2026-11-30," + CG + ",0,");
    }

    @Test
    void aHandlersReportIsAboutItsOwnUnitsCasesOnly() {
        Officer zj = new Officer("zj-jianxi", "赵敏", Role.HANDLER, "HOUSING_CONSTRUCTION", "410305", null);
        LocalDate from = LocalDate.parse("2026-11-23");
        LocalDate to = LocalDate.parse("2026-11-30");

        WeeklyReport city = reports.report(OFFICE, from, to, WeeklyStatistics.Grouping.UNIT, null);
        WeeklyReport own = reports.report(zj, from, to, WeeklyStatistics.Grouping.UNIT, null);

        assertThat(city.topCategories().stream().mapToLong(WeeklyReport.Count::count).sum()).as("A to E").isEqualTo(5);
        // 住建 led only B (round 2): its categories, hotspots and row, not the city's
        assertThat(own.topCategories().stream().mapToLong(WeeklyReport.Count::count).sum()).isEqualTo(1);
        assertThat(own.hotspotCells().stream().mapToLong(WeeklyReport.Count::count).sum()).isLessThanOrEqualTo(1);
        assertThat(own.rows()).singleElement().isEqualTo(row(city, "HOUSING_CONSTRUCTION@410305"));
    }

    @Test
    void aHandlerSeesOnlyItsOwnUnitsTrendAndTheRangeIsChecked() {
        assertThat(reports.trend(HANDLER, 2, null, WeeklyStatistics.Grouping.UNIT, null).weeks())
                .allSatisfy(w -> assertThat(w.rows()).extracting(Figures::key).containsOnly(CG));
        assertThatThrownBy(() -> reports.trend(HANDLER, 2, null, WeeklyStatistics.Grouping.TOWNSHIP, null))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> reports.trend(OFFICE, 53, null, WeeklyStatistics.Grouping.UNIT, null))
                .isInstanceOfSatisfying(InvalidReportRequest.class, e -> assertThat(e.field()).isEqualTo("weeks"));
        assertThatThrownBy(() -> reports.trend(OFFICE, 2, LocalDate.parse("2026-12-08"), WeeklyStatistics.Grouping.UNIT, null))
                .isInstanceOfSatisfying(InvalidReportRequest.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    static CaseDispatched arbitrated(CaseDispatched d) {
        return new CaseDispatched(d.eventId(), d.caseId(), d.complaintId(), d.trackingNumber(), d.category(), d.location(),
                d.territory(), d.leadDepartment(), d.coHandlingDepartments(), d.level(), d.priority(), d.deadlineProfile(),
                d.sourceId(), d.ruleId(), d.ruleVersion(), d.routingRound(), true, d.trace(), d.occurredAt(), d.schemaVersion());
    }

    static CaseDispatched withoutTownship(String caseId) {
        CaseDispatched d = Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305");
        return new CaseDispatched(d.eventId(), d.caseId(), d.complaintId(), d.trackingNumber(), d.category(),
                new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84),
                new Territory("410305", "涧西区", null, null, null, null, Territory.FoundBy.ADDRESS_TEXT), d.leadDepartment(),
                d.coHandlingDepartments(), d.level(), d.priority(), d.deadlineProfile(), d.sourceId(), d.ruleId(),
                d.ruleVersion(), d.routingRound(), false, d.trace(), d.occurredAt(), d.schemaVersion());
    }

    private static Figures row(WeeklyReport report, String key) {
        return report.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }
}
