package cn.luoyang.pollution.complaint.intake;

import java.time.LocalDate;

/**
 * Hands out tracking numbers ({@code LY20261128-000042}): {@code LY}, the city's date of intake, a
 * per-day sequence. Unique across restarts and replicas; gaps are allowed.
 */
public interface TrackingNumbers {

    String next(LocalDate day);

    static String format(LocalDate day, long sequence) {
        return String.format("LY%04d%02d%02d-%06d", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), sequence);
    }
}
