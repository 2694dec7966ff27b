package cn.luoyang.pollution.enforcement.statistics;

import java.time.Instant;
import java.util.List;

/** The callbacks notification-service reported ended (回访记录), kept for the statistics. */
public interface Callbacks {

    /** Keeps the callback once: false when one with the same event id was kept before (a redelivery). */
    boolean record(Callback callback);

    /** Keeps each callback of a batch (a poll of {@code reporters.callbacks}) once, as {@link #record} does. */
    default void recordAll(List<Callback> callbacks) {
        callbacks.forEach(this::record);
    }

    /** The callbacks that ended in {@code [from, to)}, of any case. */
    List<Callback> endedBetween(Instant from, Instant to);
}
