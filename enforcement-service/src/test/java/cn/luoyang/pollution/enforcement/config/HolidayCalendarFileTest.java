package cn.luoyang.pollution.enforcement.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.enforcement.Rules;
import cn.luoyang.pollution.enforcement.clocks.TimeLimit;
import cn.luoyang.pollution.enforcement.clocks.WorkingCalendar;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped holiday calendar file (节假日安排): every year it holds is sound, and the current year is in it. */
@ExtendWith(OutputCaptureExtension.class)
class HolidayCalendarFileTest {

    private static Map<String, ClockProperties.Year> shippedYears() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("calendar", new ClassPathResource("calendar/cn-public-holidays.yml"))
                .forEach(env.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(env))
                .bind("enforcement.calendar", ClockProperties.Calendar.class).get().years();
    }

    private static WorkingCalendar shippedCalendar(WorkingCalendar.UncoveredYear uncovered) throws IOException {
        ClockProperties properties = new ClockProperties(null, new ClockProperties.Calendar(shippedYears()), null, null);
        return EnforcementConfiguration.calendar(properties, uncovered);
    }

    @Test
    void theCurrentYearOnTheServiceClockHasACalendar() throws IOException {
        int thisYear = LocalDate.now(Clock.system(Rules.BEIJING)).getYear();
        assertThat(shippedYears())
                .as("calendar/cn-public-holidays.yml must hold the State Council's arrangement for %d, or its "
                        + "statutory days marked provisional (see the README: Adding a year to the holiday calendar)", thisYear)
                .containsKey(Integer.toString(thisYear));
    }

    @Test
    void everyYearHoldsOnlyItsOwnDaysHolidaysAndWeekendMakeUpWorkingDays() throws IOException {
        shippedYears().forEach((year, days) -> {
            assertThat(days.holidays()).as("%s holidays", year).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.getYear()).isEqualTo(Integer.parseInt(year)))
                    .doesNotHaveDuplicates();
            assertThat(days.workingDays()).as("%s make-up working days", year)
                    .allSatisfy(d -> assertThat(d.getYear()).isEqualTo(Integer.parseInt(year)))
                    .allSatisfy(d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
                    .doesNotContainAnyElementsOf(days.holidays());
        });
    }

    @Test
    void aProvisionalYearHoldsTheThirteenStatutoryDaysOffAndIsAnnouncedAtStart(CapturedOutput output) throws IOException {
        Map<String, ClockProperties.Year> years = shippedYears();
        assertThat(ProvisionalYears.of(new ClockProperties.Calendar(years))).as("2027 awaits the State Council's notice")
                .contains("2027").doesNotContain("2026");
        years.forEach((year, days) -> {
            if (!days.provisional()) {
                return;
            }
            int y = Integer.parseInt(year);
            // 全国年节及纪念日放假办法 (since 2025): 1 + 4 + 1 + 2 + 1 + 1 + 3 days; the solar-calendar ones are fixed
            assertThat(days.holidays()).as("%s statutory days off", year).hasSize(13).contains(
                    LocalDate.of(y, 1, 1), LocalDate.of(y, 5, 1), LocalDate.of(y, 5, 2),
                    LocalDate.of(y, 10, 1), LocalDate.of(y, 10, 2), LocalDate.of(y, 10, 3));
            assertThat(days.workingDays()).as("%s: make-up working days come only with the notice", year).isEmpty();
        });

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProvisionalYears.announce(new ClockProperties.Calendar(years), meters);
        assertThat(output.getOut()).contains("The holiday calendar for 2027 is provisional");
        assertThat(meters.get(ProvisionalYears.METER).tag("year", "2027").gauge().value()).isEqualTo(1.0);
        assertThat(meters.find(ProvisionalYears.METER).tag("year", "2026").gauge()).isNull();
    }

    @Test
    void theShippedFileMatchesThe2026Notice() throws IOException {
        WorkingCalendar shipped = shippedCalendar(year -> { });
        WorkingCalendar notice = Rules.calendar2026();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            assertThat(shipped.isWorkingDay(d)).as(d.toString()).isEqualTo(notice.isWorkingDay(d));
        }
    }

    @Test
    void aDeadlineInAYearWithoutCalendarCountsWeekdaysOnlyAndSaysSoOnceInTheLogAndInTheMetric(CapturedOutput output)
            throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WorkingCalendar calendar = shippedCalendar(new UncoveredYearAlarm(meters));
        // a fixed service clock on Friday 1 October 2032, a year the file does not hold
        Clock clock = Clock.fixed(LocalDateTime.parse("2032-10-01T10:00").atZone(Rules.BEIJING).toInstant(), Rules.BEIJING);
        assertThat(calendar.covers(2032)).isFalse();

        Instant first = TimeLimit.parse("1wd").after(clock.instant(), calendar, Rules.BEIJING);
        Instant second = TimeLimit.parse("2wd").after(clock.instant(), calendar, Rules.BEIJING);

        // Monday to Friday only: National Day is not known, so Monday 4 and Tuesday 5 October count
        assertThat(first).isEqualTo(LocalDateTime.parse("2032-10-04T10:00").atZone(Rules.BEIJING).toInstant());
        assertThat(second).isEqualTo(LocalDateTime.parse("2032-10-05T10:00").atZone(Rules.BEIJING).toInstant());
        assertThat(output.getOut().split("No holiday calendar for 2032", -1)).as("one warning for the year").hasSize(2);
        assertThat(meters.get(UncoveredYearAlarm.METER).tag("year", "2032").counter().count()).isPositive();
        assertThat(meters.find(UncoveredYearAlarm.METER).tag("year", "2026").counter()).isNull();
    }
}
