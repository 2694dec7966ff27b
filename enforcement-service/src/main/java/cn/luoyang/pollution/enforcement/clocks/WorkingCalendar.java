package cn.luoyang.pollution.enforcement.clocks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, minus public holidays, plus the weekend days the
 * State Council declares working days to make up for a long holiday (调休上班). Configured per year.
 * A day in a year with no configured calendar is judged Monday to Friday only, and the
 * {@link UncoveredYear} listener is told so that the gap is seen, not silently absorbed.
 */
public final class WorkingCalendar {

    private final Set<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final UncoveredYear uncovered;

    public WorkingCalendar(Set<Integer> years, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays,
            UncoveredYear uncovered) {
        this.years = Set.copyOf(years);
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        this.uncovered = uncovered;
    }

    /** Whether the State Council's arrangement for this year is configured. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!covers(day.getYear())) {
            uncovered.judgedWithoutCalendar(day.getYear());
        }
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Told each time a day is judged in a year that has no calendar (Monday to Friday only). */
    @FunctionalInterface
    public interface UncoveredYear {

        void judgedWithoutCalendar(int year);
    }
}
