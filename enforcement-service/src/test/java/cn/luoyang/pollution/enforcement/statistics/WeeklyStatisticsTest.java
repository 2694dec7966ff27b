package cn.luoyang.pollution.enforcement.statistics;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Rules;
import cn.luoyang.pollution.enforcement.cases.Case;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fixed week (Mon 16 – Sun 22 Nov 2026) of six cases, reported on Mon 30 Nov 11:00, against
 * figures counted by hand (see the comments on each case).
 */
class WeeklyStatisticsTest {

    static final Actor ZJ = new Actor("zj-jianxi", "HANDLER", "HOUSING_CONSTRUCTION@410305");
    static final Period WEEK = Period.of(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-23"), Rules.BEIJING);
    static final Instant AS_OF = t("2026-11-30T11:00");

    static Instant t(String beijing) {
        return LocalDateTime.parse(beijing).atZone(Rules.BEIJING).toInstant();
    }

    static Case open(String id, String opened, String category, String sourceId, double lon, double lat) {
        CaseDispatched d = new CaseDispatched("ev-" + id, id, "cmp-" + id, id, category, new GeoPoint(lon, lat, GeoPoint.Datum.WGS84),
                new Territory("410305", "涧西区", null, null, null, null, Territory.FoundBy.POLYGON), "URBAN_MANAGEMENT", List.of(),
                Level.DISTRICT, Priority.ROUTINE, "STANDARD", sourceId, "R1", 1, 1, false, List.of(), t(opened), 1);
        return Case.open(d, t(opened), RULES);
    }

    static List<Case> week() {
        // S1: signed on time, closed on the spot, SATISFIED; a second complaint merged against source SRC-1
        Case s1 = open("S1", "2026-11-16T10:00", "AIR_CONSTRUCTION_DUST", "SRC-1", 112.39, 34.66);
        s1.addComplaint("cmp-S1-b");
        s1.accept(LEAD, t("2026-11-16T15:00"), null, RULES);
        closeVerified(s1, t("2026-11-17T10:00"), "已处理");
        s1.recordFeedback("fb-1", "cmp-S1", Satisfaction.SATISFIED, t("2026-11-17T12:00"), RULES);
        // S2: signed late (deadline Wed 18 10:00), unfounded, closed, UNSATISFIED → reopened, 5wd → due Fri 27 16:00: overdue now
        Case s2 = open("S2", "2026-11-17T10:00", "AIR_CONSTRUCTION_DUST", "SRC-1", 112.39, 34.66);
        s2.accept(LEAD, t("2026-11-19T10:00"), null, RULES);
        s2.startInspection(LEAD, t("2026-11-19T11:00"), List.of(), null);
        s2.findUnfounded(LEAD, t("2026-11-19T12:00"), EVIDENCE, null);
        closeVerified(s2, t("2026-11-20T10:00"), "不属实");
        s2.recordFeedback("fb-2", "cmp-S2", Satisfaction.UNSATISFIED, t("2026-11-20T16:00"), RULES);
        // S3: returned by 城管, re-routed to 住建 (round 2), signed on time; on-site due Mon 23 11:00: overdue now for 住建
        Case s3 = open("S3", "2026-11-18T10:00", "AIR_CONSTRUCTION_DUST", null, 112.39, 34.66);
        s3.returnCase(LEAD, t("2026-11-18T12:00"), "NOT_OUR_DUTY", "属住建");
        s3.reassign(Dispatches.round("S3", "HOUSING_CONSTRUCTION", "410305", 2), t("2026-11-19T10:00"), RULES);
        s3.accept(ZJ, t("2026-11-19T11:00"), null, RULES);
        // S4: never signed (due Fri 20 10:00): overdue now; another category and cell
        Case s4 = open("S4", "2026-11-19T10:00", "NOISE_SOCIAL", null, 112.45, 34.62);
        // S5: the week before: not received this week, but its on-site clock (Wed 11 11:00) is overdue now
        Case s5 = open("S5", "2026-11-09T10:00", "AIR_CONSTRUCTION_DUST", "SRC-1", 112.39, 34.66);
        s5.accept(LEAD, t("2026-11-09T11:00"), null, RULES);
        // S6: signed on time, extension approved, closed within the extended deadline, BASICALLY_SATISFIED
        Case s6 = open("S6", "2026-11-20T10:00", "AIR_CONSTRUCTION_DUST", null, 112.39, 34.66);
        s6.accept(LEAD, t("2026-11-20T11:00"), null, RULES);
        s6.requestExtension(LEAD, t("2026-11-23T09:00"), 10, "等待检测");
        s6.decideExtension(SUPERVISOR, t("2026-11-23T10:00"), true, null, RULES);
        closeVerified(s6, t("2026-11-27T10:00"), "已整改");
        s6.recordFeedback("fb-6", "cmp-S6", Satisfaction.BASICALLY_SATISFIED, t("2026-11-27T12:00"), RULES);
        return List.of(s1, s2, s3, s4, s5, s6);
    }

    final WeeklyStatistics statistics = new WeeklyStatistics();

    @Test
    void unitFiguresEqualTheHandCount() {
        WeeklyReport report = statistics.report(week(), WEEK, AS_OF, WeeklyStatistics.Grouping.UNIT);

        Figures cg = row(report, "URBAN_MANAGEMENT@410305");
        // received S1 S2 S3(r1) S4 S6; on time S1 S6; returned S3; closed S1 S2 S6 (all on time); resolved S1 S6;
        // all due to be signed; due to be closed S1 S2 S6 (closed) and S4 (7 working days: Mon 30 10:00, passed)
        assertThat(cg).extracting(Figures::received, Figures::signedOnTime, Figures::returned, Figures::closed,
                Figures::closedOnTime, Figures::overdueNow, Figures::extended, Figures::resolved, Figures::answers,
                Figures::satisfied).containsExactly(5, 2, 1, 3, 3, 3, 1, 2, 3, 2);
        assertThat(cg).extracting(Figures::dueToSign, Figures::dueToClose).containsExactly(5, 4);
        assertThat(cg.responseRate()).isCloseTo(2.0 / 5, within(1e-9));
        assertThat(cg.resolutionRate()).isCloseTo(2.0 / 4, within(1e-9));
        assertThat(cg.satisfactionRate()).isCloseTo(2.0 / 3, within(1e-9));

        Figures zj = row(report, "HOUSING_CONSTRUCTION@410305");
        assertThat(zj).extracting(Figures::received, Figures::signedOnTime, Figures::returned, Figures::closed,
                Figures::overdueNow, Figures::answers).containsExactly(1, 1, 0, 0, 1, 0);
        assertThat(zj.responseRate()).isEqualTo(1.0);
        // S3's close deadline (15 working days from Thu 19) has not come on Mon 30: not yet due, so no failure
        assertThat(zj.dueToClose()).isZero();
        assertThat(zj.resolutionRate()).as("nothing due to be closed yet: no rate").isNull();
        assertThat(zj.satisfactionRate()).as("no survey answers: no rate").isNull();
    }

    @Test
    void territoryFiguresEqualTheHandCount() {
        WeeklyReport report = statistics.report(week(), WEEK, AS_OF, WeeklyStatistics.Grouping.TERRITORY);
        Figures jianxi = row(report, "410305");
        assertThat(jianxi).extracting(Figures::received, Figures::signedOnTime, Figures::returned, Figures::closed,
                Figures::overdueNow, Figures::resolved).containsExactly(6, 3, 1, 3, 4, 2);
        assertThat(jianxi.responseRate()).isCloseTo(0.5, within(1e-9));
        assertThat(jianxi.resolutionRate()).as("S3's round 2 not yet due to close").isCloseTo(2.0 / 4, within(1e-9));
    }

    @Test
    void repeatSourcesTopCategoriesAndHotspotCellsComeFromTheWeeksCases() {
        WeeklyReport report = statistics.report(week(), WEEK, AS_OF, WeeklyStatistics.Grouping.UNIT);
        // SRC-1: S1 (two complaints) + S2; S5 is from the week before
        assertThat(report.repeatSources()).containsExactly(new WeeklyReport.Count("SRC-1", 3));
        assertThat(report.topCategories()).containsExactly(new WeeklyReport.Count("AIR_CONSTRUCTION_DUST", 4),
                new WeeklyReport.Count("NOISE_SOCIAL", 1));
        assertThat(report.hotspotCells()).containsExactly(new WeeklyReport.Count("34.66,112.39", 4),
                new WeeklyReport.Count("34.62,112.45", 1));
    }

    @Test
    void csvHasOneLinePerRowWithTheRatesToFourPlaces() {
        String csv = statistics.report(week(), WEEK, AS_OF, WeeklyStatistics.Grouping.UNIT).csv();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("key,received,signed_on_time");
        assertThat(csv).contains("URBAN_MANAGEMENT@410305,5,2,1,3,3,3,1,2,3,2,0.4000,0.5000,0.6667");
        assertThat(csv).contains("HOUSING_CONSTRUCTION@410305,1,1,0,0,0,1,0,0,0,0,1.0000,,,0,0,0,0,0,0,0,0,0,0,1,0,0,0\n");
    }

    @Test
    void aCaseNotYetDueToBeSignedOrClosedIsNoFailure() {
        // received Mon 30 Nov 10:00, reported 11:00: signing due Tue 1 Dec 10:00, closing much later
        Case fresh = open("N1", "2026-11-30T10:00", "NOISE_SOCIAL", null, 112.45, 34.62);
        Period thisWeek = Period.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-07"), Rules.BEIJING);

        Figures cg = row(statistics.report(List.of(fresh), thisWeek, AS_OF, WeeklyStatistics.Grouping.UNIT),
                "URBAN_MANAGEMENT@410305");

        assertThat(cg).extracting(Figures::received, Figures::dueToSign, Figures::dueToClose).containsExactly(1, 0, 0);
        assertThat(cg.responseRate()).isNull();
        assertThat(cg.resolutionRate()).isNull();
        // a day later, unsigned past its sign deadline: now due, and a failure
        Figures later = row(statistics.report(List.of(fresh), thisWeek, t("2026-12-01T11:00"), WeeklyStatistics.Grouping.UNIT),
                "URBAN_MANAGEMENT@410305");
        assertThat(later.dueToSign()).isEqualTo(1);
        assertThat(later.responseRate()).isEqualTo(0.0);
    }

    @Test
    void lastWeekRunsFromMondayToMonday() {
        Period p = Period.lastWeek(t("2026-11-25T09:00"), Rules.BEIJING);
        assertThat(p.fromDay()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(p.toDayExclusive()).isEqualTo(LocalDate.parse("2026-11-23"));
    }

    private static Figures row(WeeklyReport report, String key) {
        return report.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }
}
