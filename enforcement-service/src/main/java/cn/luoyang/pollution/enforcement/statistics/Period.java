package cn.luoyang.pollution.enforcement.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** A reporting period [from, to) in Beijing days; the weekly meeting's default is last Monday to this Monday. */
public record Period(LocalDate fromDay, LocalDate toDayExclusive, Instant from, Instant to) {

    public static Period of(LocalDate fromDay, LocalDate toDayExclusive, ZoneId zone) {
        if (!toDayExclusive.isAfter(fromDay)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        return new Period(fromDay, toDayExclusive, fromDay.atStartOfDay(zone).toInstant(), toDayExclusive.atStartOfDay(zone).toInstant());
    }

    public static Period lastWeek(Instant now, ZoneId zone) {
        LocalDate thisMonday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return of(thisMonday.minusWeeks(1), thisMonday, zone);
    }

    public boolean contains(Instant t) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
