package cn.luoyang.pollution.complaint.intake;

import java.time.LocalDate;

/**
 * Hands out tracking numbers ({@code LY20261128-4829301756}): {@code LY}, the city's date of intake,
 * and ten digits that a {@link TrackingNumberPermutation} makes of a per-day sequence. Unique across
 * restarts and replicas, and not enumerable.
 */
public interface TrackingNumbers {

    String next(LocalDate day);

    /** {@code LY}, the date, and the ten digits the permutation made of the day's sequence. */
    static String format(LocalDate day, long digits) {
        return dayPrefix(day) + String.format("-%010d", digits);
    }

    /** {@code LY20261128}: the part of a tracking number that names its day. */
    static String dayPrefix(LocalDate day) {
        return String.format("LY%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }
}
