package cn.luoyang.pollution.notification.sending;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The night window (免打扰时段, by default 21:00–08:00 Beijing time) in which non-urgent messages
 * wait until morning. The window may span midnight.
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end, ZoneId zone) {

    public static QuietHours off() {
        return new QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));
    }

    /** When a message due at {@code now} may go, if {@code now} is inside the window. */
    public Optional<Instant> holdUntil(Instant now) {
        if (!enabled || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean inside = spansMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime morning = local.with(end);
        if (!morning.isAfter(local)) {
            morning = morning.plusDays(1);
        }
        return Optional.of(morning.toInstant());
    }
}
