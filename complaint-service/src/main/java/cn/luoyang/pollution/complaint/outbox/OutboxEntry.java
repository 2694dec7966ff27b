package cn.luoyang.pollution.complaint.outbox;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * An event waiting to be published, kept inside the document whose change produced it: one
 * MongoDB write stores both, so the change and its event cannot part (no multi-document
 * transaction needed, which the embedded server lacks anyway).
 *
 * @param notBefore the relay leaves the entry to the request that wrote it until then; after that,
 *                  it assumes that request died and publishes it itself
 */
public record OutboxEntry(Event event, String topic, Instant notBefore) {

    public String eventId() {
        return event.eventId();
    }
}
