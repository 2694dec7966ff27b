package cn.luoyang.pollution.notification.units;

import java.time.Instant;
import java.util.List;

/** Unit alerts waiting to be delivered. */
public interface UnitAlertStore {

    /** False when an alert with this id exists (a redelivered event). */
    boolean add(UnitAlert alert);

    List<UnitAlert> due(Instant now, int max);

    void save(UnitAlert alert);
}
