package cn.luoyang.pollution.complaint.tracking.web;

import java.util.Locale;

/**
 * A tracking number (受理编号) as a reporter types it, read back from an SMS or a receipt: any case,
 * with spaces around or inside ("ly 20261128-000042"). Tracking numbers have no spaces and are
 * upper case, so both are undone before the lookup.
 */
final class TrackingNumbers {

    private TrackingNumbers() {
    }

    /** The typed number without whitespace and in upper case; {@code null} stays {@code null}. */
    static String normalised(String typed) {
        return typed == null ? null : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
