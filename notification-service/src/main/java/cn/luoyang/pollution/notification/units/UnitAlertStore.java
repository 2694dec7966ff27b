package cn.luoyang.pollution.notification.units;

import java.time.Instant;
import java.util.List;

/** Unit alerts waiting to be delivered. */
public interface UnitAlertStore {

    /** False when an alert with this id exists (a redelivered event). */
    boolean add(UnitAlert alert);

    /**
     * Alerts due at {@code now}, each claimed for this sweep by moving its next attempt to
     * {@code leaseUntil} (conditional on the time read), so that sweeps on several instances never
     * post one alert twice at once; an instance that dies mid-post leaves it due again after the lease.
     */
    List<UnitAlert> claimDue(Instant now, Instant leaseUntil, int max);

    void save(UnitAlert alert);
}
