package cn.luoyang.pollution.enforcement.statistics;

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
    private final WeeklyStatistics statistics = new WeeklyStatistics();
    private final Clock clock;
    private final ZoneId zone;

    public WeeklyReports(Cases cases, Clock clock, ZoneId zone) {
        this.cases = cases;
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
        String only = unit;
        if (officer.role() == Role.HANDLER || officer.role() == Role.GRID_MEMBER) {
            if (by != WeeklyStatistics.Grouping.UNIT || (unit != null && !unit.equals(officer.unit().code()))) {
                throw new AccessDenied("a handler sees only the figures of " + officer.unit().code());
            }
            only = officer.unit().code();
        }
        WeeklyReport report = statistics.report(cases.openedBefore(period.to()), period, clock.instant(), by);
        if (only == null) {
            return report;
        }
        String key = only;
        List<Figures> rows = report.rows().stream().filter(r -> r.key().equals(key)).toList();
        return new WeeklyReport(report.period(), report.asOf(), report.groupedBy(), rows, report.repeatSources(),
                report.topCategories(), report.hotspotCells());
    }
}
