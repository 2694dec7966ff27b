package cn.luoyang.pollution.complaint.tracking;

import java.time.Instant;

/**
 * Wrong-digit lookups per tracking number, shared by every instance: what the lockout counts. A
 * number nobody filed is counted like any other, so a lockout says nothing about whether it exists.
 */
public interface FailedLookups {

    /** Counts one failed lookup at {@code now}; a count older than {@code since} starts again. */
    void record(String trackingNumber, Instant now, Instant since);

    /** The failures of this number counted since {@code since}. */
    int since(String trackingNumber, Instant since);
}
