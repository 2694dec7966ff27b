package cn.luoyang.pollution.enforcement.statistics;

import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

/**
 * Makes the monthly publication from the weekly report's code ({@link WeeklyReports#report} over the
 * month's days, once per grouping). It names every unit, so it is for the offices that hold units to
 * account (campaign office, supervisors, discipline office, administrators); a handler sees its own
 * unit's figures in the weekly report.
 */
public class MonthlyPublications {

    private static final Set<Role> READERS = Set.of(Role.CAMPAIGN_OFFICE, Role.SUPERVISOR, Role.DISCIPLINE, Role.ADMIN);

    private final WeeklyReports reports;
    private final Clock clock;
    private final ZoneId zone;

    public MonthlyPublications(WeeklyReports reports, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.clock = clock;
        this.zone = zone;
    }

    /** @param month the month (Beijing); null for last month */
    public MonthlyPublication of(Officer officer, YearMonth month) {
        if (!READERS.contains(officer.role())) {
            throw new AccessDenied("the monthly publication is for the campaign office, supervisors and the discipline office");
        }
        YearMonth m = month != null ? month : YearMonth.from(clock.instant().atZone(zone)).minusMonths(1);
        var from = m.atDay(1);
        var to = m.plusMonths(1).atDay(1);
        WeeklyReport units = reports.report(officer, from, to, WeeklyStatistics.Grouping.UNIT, null);
        WeeklyReport districts = reports.report(officer, from, to, WeeklyStatistics.Grouping.TERRITORY, null);
        WeeklyReport townships = reports.report(officer, from, to, WeeklyStatistics.Grouping.TOWNSHIP, null);
        return new MonthlyPublication(m, units.period(), units.asOf(), units.rows(), districts.rows(), townships.rows());
    }
}
