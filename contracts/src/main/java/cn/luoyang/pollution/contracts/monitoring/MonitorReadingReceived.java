package cn.luoyang.pollution.contracts.monitoring;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * An online monitor (在线监测设备) reported a reading over HJ 212-2017 and the receiver accepted it.
 * Key: the monitor's MN. High-volume telemetry on {@code monitoring.readings}.
 *
 * <p>{@code eventId} is derived from MN, interval and data time, so a packet the device sends again
 * (it got no acknowledgement) carries the same id and consumers can drop the repeat.
 *
 * @param interval {@code real-time} (CN 2011), {@code minute} (CN 2051) or {@code hour} (CN 2061)
 * @param dataTime the time the device measured (its {@code DataTime}, Beijing time, as an instant)
 * @param occurredAt when the receiver accepted the packet
 */
public record MonitorReadingReceived(
        String eventId,
        String mn,
        String sourceId,
        String responsibleUnit,
        String interval,
        Instant dataTime,
        List<FactorReading> values,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return mn;
    }
}
