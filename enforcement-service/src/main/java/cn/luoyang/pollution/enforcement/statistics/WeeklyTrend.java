package cn.luoyang.pollution.enforcement.statistics;

import java.time.Instant;
import java.util.List;

/** The weekly figures of several consecutive weeks (Monday to Monday, Beijing), oldest first: the trend (趋势). */
public record WeeklyTrend(Instant asOf, String groupedBy, List<Week> weeks) {

    /** One week's rows. */
    public record Week(Period period, List<Figures> rows) {
    }

    /** One line per week and row, the week's first day in front. */
    public String csv() {
        StringBuilder out = new StringBuilder("week,").append(Figures.CSV_HEADER).append('\n');
        for (Week week : weeks) {
            week.rows().forEach(r -> out.append(week.period().fromDay()).append(',').append(r.csv()).append('\n'));
        }
        return out.toString();
    }
}
