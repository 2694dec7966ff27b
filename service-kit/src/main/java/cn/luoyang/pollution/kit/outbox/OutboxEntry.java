package cn.luoyang.pollution.kit.outbox;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * An event waiting to be published (待发事件), kept inside the document whose change produced it:
 * one MongoDB write stores both, so the change and its event cannot part without a
 * multi-document transaction.
 *
 * @param topic     where the relay publishes it
 * @param notBefore until then the sweep leaves the entry to the request that wrote it; after that it
 *                  assumes that request died and publishes the entry itself
 */
public record OutboxEntry(Event event, String topic, Instant notBefore) {

    public String eventId() {
        return event.eventId();
    }
}
