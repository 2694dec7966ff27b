package cn.luoyang.pollution.enforcement.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.enforcement.Rules;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Deadlines on the 2026 calendar: public holidays do not count, make-up working days (调休) do. */
class TimeLimitTest {

    final WorkingCalendar calendar = Rules.calendar2026();


    private static Instant beijing(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(Rules.BEIJING).toInstant();
    }

    @Test
    void calendarKnowsHolidaysAndMakeUpWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).as("National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("Saturday made a working day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-17"))).as("ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Saturday before Spring Festival").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Spring Festival Monday").isFalse();
    }

    @Test
    void workingDaysSkipTheNationalDayHolidayAndCountTheMakeUpSaturday() {
        // Wednesday 30 Sep 10:00 + 2 working days: 1–7 Oct are holidays → Thu 8, Fri 9 Oct
        assertThat(TimeLimit.parse("2wd").after(beijing("2026-09-30T10:00"), calendar, Rules.BEIJING))
                .isEqualTo(beijing("2026-10-09T10:00"));
        // + 3 working days: the third is Saturday 10 Oct, a make-up working day
        assertThat(TimeLimit.parse("3wd").after(beijing("2026-09-30T10:00"), calendar, Rules.BEIJING))
                .isEqualTo(beijing("2026-10-10T10:00"));
    }

    @Test
    void fridayBeforeSpringFestivalIsFollowedByTheMakeUpSaturday() {
        assertThat(TimeLimit.parse("1wd").after(beijing("2026-02-13T16:00"), calendar, Rules.BEIJING))
                .isEqualTo(beijing("2026-02-14T16:00"));
        // + 2: after Sat 14 Feb come nine holidays (15–23); Tuesday 24 Feb is next
        assertThat(TimeLimit.parse("2wd").after(beijing("2026-02-13T16:00"), calendar, Rules.BEIJING))
                .isEqualTo(beijing("2026-02-24T16:00"));
    }

    @Test
    void clockStartedOnARestDayCountsFromTheNextWorkingDay() {
        // Sunday 22 Nov → Monday 23 Nov is the first working day; one working day ends at its midnight
        assertThat(TimeLimit.parse("1wd").after(beijing("2026-11-22T15:00"), calendar, Rules.BEIJING))
                .isEqualTo(beijing("2026-11-24T00:00"));
    }

    @Test
    void hoursAndCalendarDaysIgnoreTheCalendar() {
        assertThat(TimeLimit.parse("2h").after(beijing("2026-10-01T10:00"), calendar, Rules.BEIJING))
                .isEqualTo(beijing("2026-10-01T12:00"));
        assertThat(TimeLimit.parse("60d").after(beijing("2026-09-30T10:00"), calendar, Rules.BEIJING))
                .isEqualTo(beijing("2026-11-29T10:00"));
    }

    @Test
    void unreadableLimitIsRefused() {
        assertThatThrownBy(() -> TimeLimit.parse("two weeks")).isInstanceOf(IllegalArgumentException.class);
    }
}
