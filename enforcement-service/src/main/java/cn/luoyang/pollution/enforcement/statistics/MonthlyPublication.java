package cn.luoyang.pollution.enforcement.statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly publication (月度通报): the month's figures per unit, per district and per township/street,
 * counted by the same code as the weekly report ({@link WeeklyStatistics}) over the calendar month in
 * Beijing days, with the same 问责 figures ({@link Figures.Accountability}).
 */
public record MonthlyPublication(YearMonth month, Period period, Instant asOf, List<Figures> units, List<Figures> districts,
        List<Figures> townships) {

    static final String CSV_HEADER = "month,level," + Figures.CSV_HEADER;

    /** One table: a {@code level} column (unit, district, township) before the weekly report's columns. */
    public String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        rows(out, "unit", units);
        rows(out, "district", districts);
        rows(out, "township", townships);
        return out.toString();
    }

    private void rows(StringBuilder out, String level, List<Figures> rows) {
        rows.forEach(r -> out.append(month).append(',').append(level).append(',').append(r.csv()).append('\n'));
    }
}
