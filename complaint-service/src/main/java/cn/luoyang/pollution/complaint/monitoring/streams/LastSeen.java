package cn.luoyang.pollution.complaint.monitoring.streams;

import java.time.Duration;
import java.time.Instant;

/**
 * When a monitor was last heard from (最后上报时间) and whether it is counted offline.
 *
 * @param lastReadingAt the latest data time among its readings
 * @param seenAt        when the processor last took a reading of it (processing time: silence is wall-clock time)
 */
public record LastSeen(String sourceId, String responsibleUnit, Instant lastReadingAt, Instant seenAt, boolean offline) {

    /** Silent for longer than allowed, counting no further back than {@code since} (the processor's start). */
    public boolean silentAt(Instant now, Duration allowed, Instant since) {
        Instant from = seenAt.isAfter(since) ? seenAt : since;
        return !offline && Duration.between(from, now).compareTo(allowed) > 0;
    }
}
