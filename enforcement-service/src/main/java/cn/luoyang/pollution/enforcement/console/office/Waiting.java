package cn.luoyang.pollution.enforcement.console.office;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How long an item of dispatch-service's manual queue or arbitration list has waited (已等待), from the
 * first of its time fields that dispatch-service gives (an ISO instant).
 */
record Waiting(long days, long hours, long minutes) {

    /** The wait since the first readable instant among {@code paths} (dotted: {@code lastFailure.occurredAt}); null if none. */
    static Waiting of(Map<String, Object> row, Instant now, String... paths) {
        for (String path : paths) {
            Object value = row;
            for (String key : path.split("\\.")) {
                value = value instanceof Map<?, ?> m ? m.get(key) : null;
            }
            if (value instanceof String text) {
                try {
                    Duration d = Duration.between(Instant.parse(text), now);
                    d = d.isNegative() ? Duration.ZERO : d;
                    return new Waiting(d.toDays(), d.toHoursPart(), d.toMinutesPart());
                } catch (DateTimeParseException unreadable) {
                    // try the next field
                }
            }
        }
        return null;
    }
}
