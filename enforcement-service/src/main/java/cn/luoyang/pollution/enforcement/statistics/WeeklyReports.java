package cn.luoyang.pollution.enforcement.statistics;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The weekly report for the API and the console. Oversight roles see every unit and territory; a
 * handler sees only its own unit's row, and asking for another unit is refused.
 */
public class WeeklyReports {

    private final Cases cases;
    private final Callbacks callbacks;
    private final WeeklyStatistics statistics = new WeeklyStatistics();
    private final Clock clock;
    private final ZoneId zone;

    public WeeklyReports(Cases cases, Callbacks callbacks, Clock clock, ZoneId zone) {
        this.cases = cases;
        this.callbacks = callbacks;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param from first day (Beijing), null for last week's Monday
     * @param to   day after the last (exclusive), null for this week's Monday
     * @param unit only this unit's row ({@code DEPARTMENT@TERRITORY}); handlers default to their own
     */
    public WeeklyReport report(Officer officer, LocalDate from, LocalDate to, WeeklyStatistics.Grouping by, String unit) {
        Period period = from == null && to == null ? Period.lastWeek(clock.instant(), zone)
                : Period.of(from == null ? to.minusWeeks(1) : from, to == null ? from.plusWeeks(1) : to, zone);
        String only = onlyRow(officer, by, unit);
        WeeklyReport report = statistics.report(ledBy(cases.openedBefore(period.to()), by, only),
                callbacks.endedBetween(period.from(), period.to()), period, clock.instant(), by);
        return new WeeklyReport(report.period(), report.asOf(), report.groupedBy(), only(report.rows(), only),
                report.repeatSources(), report.topCategories(), report.hotspotCells());
    }

    /**
     * Monitor-triggered cases (在线监测) of the same period and rows as {@link #report}, and the monitors offline
     * longest among the open cases the officer's rows cover.
     */
    public MonitorStatistics.Figures monitors(Officer officer, LocalDate from, LocalDate to, ReporterAccounts accounts) {
        Period period = from == null && to == null ? Period.lastWeek(clock.instant(), zone)
                : Period.of(from == null ? to.minusWeeks(1) : from, to == null ? from.plusWeeks(1) : to, zone);
        String only = onlyRow(officer, WeeklyStatistics.Grouping.UNIT, null);
        List<Case> candidates = ledBy(cases.openedBefore(period.to()), WeeklyStatistics.Grouping.UNIT, only).stream()
                .filter(c -> c.state().isOpen() || period.contains(c.openedAt())).toList();
        List<String> firsts = candidates.stream().filter(c -> !c.complaintIds().isEmpty()).map(c -> c.complaintIds().get(0)).toList();
        MonitorStatistics.Figures figures = MonitorStatistics.of(candidates, accounts.monitorsOf(firsts), period);
        if (only == null) {
            return figures;
        }
        return new MonitorStatistics.Figures(figures.period(), figures.byDistrict(),
                figures.byUnit().stream().filter(r -> r.key().equals(only)).toList(), figures.offlineLongest());
    }

    /**
     * The last {@code weeks} weeks (Monday to Monday) before {@code to}, oldest first.
     *
     * @param to a Monday (Beijing), exclusive; null for this week's Monday
     */
    public WeeklyTrend trend(Officer officer, int weeks, LocalDate to, WeeklyStatistics.Grouping by, String unit) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new InvalidReportRequest("weeks", "weeks must be between 1 and " + MAX_WEEKS);
        }
        if (to != null && to.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new InvalidReportRequest("to", "to must be a Monday (weeks run Monday to Monday)");
        }
        String only = onlyRow(officer, by, unit);
        LocalDate end = to != null ? to : Period.lastWeek(clock.instant(), zone).toDayExclusive();
        List<Case> all = ledBy(cases.openedBefore(end.atStartOfDay(zone).toInstant()), by, only);
        List<Callback> ended = callbacks.endedBetween(Period.of(end.minusWeeks(weeks), end, zone).from(),
                end.atStartOfDay(zone).toInstant());
        List<WeeklyTrend.Week> out = new java.util.ArrayList<>();
        for (int i = weeks; i >= 1; i--) {
            Period week = Period.of(end.minusWeeks(i), end.minusWeeks(i - 1), zone);
            List<Case> opened = all.stream().filter(c -> c.openedAt().isBefore(week.to())).toList();
            out.add(new WeeklyTrend.Week(week, only(statistics.report(opened, ended, week, clock.instant(), by).rows(), only)));
        }
        return new WeeklyTrend(clock.instant(), by.name(), out);
    }

    /** This week so far: Monday (Beijing) to next Monday; what the console opens on. */
    public Period thisWeek() {
        Period last = Period.lastWeek(clock.instant(), zone);
        return Period.of(last.toDayExclusive(), last.toDayExclusive().plusWeeks(1), zone);
    }

    /**
     * For one unit's row, only the cases that unit led in some routing round: its row is the same, and the
     * rest of the report (top categories, repeat sources, hotspots) is about its own cases, not the city's.
     */
    private static List<Case> ledBy(List<Case> cases, WeeklyStatistics.Grouping by, String unit) {
        if (unit == null || by != WeeklyStatistics.Grouping.UNIT) {
            return cases;
        }
        return cases.stream().filter(c -> c.lead().code().equals(unit)
                || c.assignments().stream().anyMatch(a -> a.round().lead().code().equals(unit))).toList();
    }

    /** Longest trend the API gives: a year. */
    public static final int MAX_WEEKS = 52;

    /** The one row a handler may see (its own unit, by unit only); null for oversight roles asking for all rows. */
    private static String onlyRow(Officer officer, WeeklyStatistics.Grouping by, String unit) {
        if (officer.role() == Role.HANDLER || officer.role() == Role.GRID_MEMBER) {
            if (by != WeeklyStatistics.Grouping.UNIT || (unit != null && !unit.equals(officer.unit().code()))) {
                throw new AccessDenied("a handler sees only the figures of " + officer.unit().code());
            }
            return officer.unit().code();
        }
        return unit;
    }

    private static List<Figures> only(List<Figures> rows, String key) {
        return key == null ? rows : rows.stream().filter(r -> r.key().equals(key)).toList();
    }
}
