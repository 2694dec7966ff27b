package cn.luoyang.pollution.contracts;

import java.time.Instant;

/**
 * A fact that happened in one service and that others may react to.
 *
 * <p>On the wire every event is JSON in the Kafka record's value, keyed by {@link #aggregateId()},
 * with its logical type (see {@link EventTypes}) in CloudEvents binary-mode headers
 * ({@link CloudEventHeaders}). Changes to an event are additive; a snapshot test pins each shape.
 */
public interface Event {

    /** Unique per event; consumers use it to recognise a redelivery. */
    String eventId();

    /** The complaint or case the event belongs to; also the Kafka record key. */
    String aggregateId();

    Instant occurredAt();

    int schemaVersion();
}
