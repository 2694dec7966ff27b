package cn.luoyang.pollution.complaint.monitoring.streams;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One line of the fault rules (报警规则): for {@code EXCEEDANCE}, the average of {@code factor} over
 * {@code window}-long windows of the monitor's {@code interval} readings is over {@code limit} in
 * {@code consecutive} windows in a row, counting only windows that start within the hours of day
 * [{@code fromHour}, {@code toHour}) Beijing time; the fault clears after {@code clearWindows} windows under the
 * limit. For {@code OFFLINE}, {@code window} is the silence a monitor is allowed.
 */
public record FaultRule(String id, FaultKind kind, String factor, String interval, Duration window, Double limit,
                        int consecutive, int fromHour, int toHour, int clearWindows) {

    /** HJ 212's DataTime is Beijing time; so are the rules' hours. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public FaultRule {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("rule id must be lower-case letters, digits and '-': " + id);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(id + ": window must be positive");
        }
        if (kind == FaultKind.EXCEEDANCE && (factor == null || limit == null || consecutive < 1 || clearWindows < 1)) {
            throw new IllegalArgumentException(id + ": an exceedance rule needs factor, limit, consecutive ≥ 1 and clear ≥ 1");
        }
        if (fromHour < 0 || fromHour > 24 || toHour < 0 || toHour > 24) {
            throw new IllegalArgumentException(id + ": hours are 0–24");
        }
    }

    /** Whether a window starting at {@code start} counts for this rule (its hours of day; 22–06 wraps midnight). */
    public boolean appliesAt(Instant start) {
        if (fromHour == toHour || (fromHour == 0 && toHour == 24)) {
            return true;
        }
        int hour = start.atZone(BEIJING).getHour();
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    }

    /** Strictly over the limit (a reading at the limit is within it). */
    public boolean exceededBy(double average) {
        return average > limit;
    }
}
