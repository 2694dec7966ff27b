package cn.luoyang.pollution.enforcement.console.report;

import cn.luoyang.pollution.enforcement.statistics.Period;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The console's reporting range: first and last day, both included, as the page shows them in its heading,
 * its date fields, its CSV link and its chart data. (The API's {@code to} is the day after, exclusive.) No
 * dates: this week so far; one date: the week starting or ending on it.
 */
record ReportRange(LocalDate first, LocalDate last) {

    static ReportRange of(String from, String to, Period thisWeek) {
        LocalDate first = day(from);
        LocalDate last = day(to);
        if (first == null && last == null) {
            return new ReportRange(thisWeek.fromDay(), thisWeek.toDayExclusive().minusDays(1));
        }
        first = first != null ? first : last.minusDays(6);
        last = last != null ? last : first.plusDays(6);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        return new ReportRange(first, last);
    }

    /** For the statistics: the day after the last. */
    LocalDate toExclusive() {
        return last.plusDays(1);
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: " + text, e);
        }
    }
}
