package cn.luoyang.pollution.enforcement.clocks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as the city's rules write it: {@code 2h} (hours), {@code 60d} (calendar days,
 * as in the 12369 rules) or {@code 15wd} (working days on the {@link WorkingCalendar}).
 *
 * <p>Working days keep the time of day: a case signed for on Friday 10:00 with one working day
 * is due on the next working day at 10:00. A clock started on a rest day starts at 00:00 of the
 * next working day, so one working day then ends at the end of that day.
 */
public record TimeLimit(long amount, Kind kind) {

    public enum Kind { HOURS, DAYS, WORKING_DAYS }

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(wd|d|h)");

    public TimeLimit {
        if (amount < 0) {
            throw new IllegalArgumentException("a time limit cannot be negative");
        }
    }

    public static TimeLimit parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("time limit must look like 2h, 60d or 15wd: " + text);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> new TimeLimit(amount, Kind.HOURS);
            case "d" -> new TimeLimit(amount, Kind.DAYS);
            default -> new TimeLimit(amount, Kind.WORKING_DAYS);
        };
    }

    public Instant after(Instant start, WorkingCalendar calendar, ZoneId zone) {
        return switch (kind) {
            case HOURS -> start.plus(Duration.ofHours(amount));
            case DAYS -> start.atZone(zone).plusDays(amount).toInstant();
            case WORKING_DAYS -> workingDaysAfter(start, calendar, zone);
        };
    }

    private Instant workingDaysAfter(Instant start, WorkingCalendar calendar, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        if (!calendar.isWorkingDay(at.toLocalDate())) {
            at = calendar.nextWorkingDay(at.toLocalDate()).atStartOfDay(zone);
            if (amount == 0) {
                return at.toInstant();
            }
            // the first working day is the day the clock starts on; it ends at midnight
            ZonedDateTime end = at;
            for (long i = 1; i < amount; i++) {
                end = calendar.nextWorkingDay(end.toLocalDate()).atStartOfDay(zone);
            }
            return end.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        ZonedDateTime end = at;
        for (long i = 0; i < amount; i++) {
            end = calendar.nextWorkingDay(end.toLocalDate()).atStartOfDay(zone).with(at.toLocalTime());
        }
        return end.toInstant();
    }

    @Override
    public String toString() {
        return amount + switch (kind) {
            case HOURS -> "h";
            case DAYS -> "d";
            case WORKING_DAYS -> "wd";
        };
    }
}
