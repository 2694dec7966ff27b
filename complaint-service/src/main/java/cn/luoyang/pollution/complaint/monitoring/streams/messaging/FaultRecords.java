package cn.luoyang.pollution.complaint.monitoring.streams.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/** A fault event as a record for {@code monitoring.faults}: keyed by MN, with the service's CloudEvents headers. */
final class FaultRecords {

    private final EventPublisher events;

    FaultRecords(EventPublisher events) {
        this.events = events;
    }

    Record<String, byte[]> of(Event event, Instant timestamp) {
        Message<byte[]> message = events.toMessage(event);
        RecordHeaders headers = new RecordHeaders();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes && !name.equals(KafkaHeaders.KEY)) {
                headers.add(name, bytes);
            }
        });
        return new Record<>(event.aggregateId(), message.getPayload(), timestamp.toEpochMilli(), headers);
    }
}
