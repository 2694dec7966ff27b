package cn.luoyang.pollution.enforcement;

import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.clocks.DeadlineProfile;
import cn.luoyang.pollution.enforcement.clocks.TimeLimit;
import cn.luoyang.pollution.enforcement.clocks.WorkingCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The shipped time rules (see application.yml), built by hand for plain unit tests. */
public final class Rules {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static WorkingCalendar calendar2026() {
        Set<LocalDate> holidays = Stream.of(
                range("2026-01-01", 3), range("2026-02-15", 9), range("2026-04-04", 3), range("2026-05-01", 5),
                range("2026-06-19", 3), range("2026-09-25", 3), range("2026-10-01", 7))
                .flatMap(s -> s).collect(java.util.stream.Collectors.toSet());
        Set<LocalDate> working = Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
                .map(LocalDate::parse).collect(java.util.stream.Collectors.toSet());
        return new WorkingCalendar(Set.of(2026), holidays, working, year -> { });
    }

    private static Stream<LocalDate> range(String first, int days) {
        return Stream.iterate(LocalDate.parse(first), d -> d.plusDays(1)).limit(days);
    }

    public static ClockRules shipped() {
        return new ClockRules(Map.of(
                "STANDARD", profile("STANDARD", "1wd", "2wd", "15wd"),
                "SIMPLE", profile("SIMPLE", "1wd", "2wd", "7wd"),
                "URGENT", profile("URGENT", "1h", "2h", "24h")),
                Map.of("NOISE_SOCIAL", "SIMPLE"), calendar2026(), BEIJING, 0.75,
                List.of(TimeLimit.parse("1wd"), TimeLimit.parse("3wd"), TimeLimit.parse("5wd")),
                TimeLimit.parse("60d"), TimeLimit.parse("30d"), TimeLimit.parse("5wd"));
    }

    private static DeadlineProfile profile(String name, String sign, String onsite, String close) {
        return new DeadlineProfile(name, TimeLimit.parse(sign), TimeLimit.parse(onsite), TimeLimit.parse(close));
    }

    private Rules() {
    }
}
