package cn.luoyang.pollution.notification.digest;

import java.time.Instant;
import java.util.List;

/**
 * The per-case projection of overdue open cases (超期台账): one entry per case while a clock is past its
 * deadline and the case is open. Every write is idempotent, so a redelivered event changes nothing.
 */
public interface OverdueCases {

    /** The clock of the case passed {@code deadline}; the case belongs to {@code unit}. */
    void overdue(String caseId, String clock, Instant deadline, String unit, String trackingNumber);

    /** The action the clock waited for happened (or its deadline moved): it is no longer overdue. */
    void cleared(String caseId, String clock);

    /** The case was closed: it leaves the projection. */
    void closed(String caseId);

    /** Every overdue open case. */
    List<OverdueCase> all();
}
