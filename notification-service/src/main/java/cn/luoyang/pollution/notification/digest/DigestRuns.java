package cn.luoyang.pollution.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The schedule of the daily digest, shared by every instance: one record naming the next day to send
 * and when it is due. An instance claims the due day by moving its due time to the end of a lease,
 * conditional on the time it read, so one instance runs it; if that one dies the lease runs out and
 * another runs the day again (the messages' keys make a second run send nothing twice).
 */
public interface DigestRuns {

    /** Creates the schedule with its first day unless one exists. */
    void start(LocalDate day, Instant dueAt);

    /** The day whose digest is due at {@code now}, claimed until {@code leaseUntil}; empty when none or taken. */
    Optional<LocalDate> claim(Instant now, Instant leaseUntil);

    /** {@code day} is sent: the schedule moves on to {@code next}, due at {@code nextDueAt}. */
    void done(LocalDate day, LocalDate next, Instant nextDueAt);
}
