package cn.luoyang.pollution.kit.events;

import static cn.luoyang.pollution.kit.events.Headers.bytes;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.kit.outbox.EventSink;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes events as CloudEvents in Kafka's binary mode, keyed by aggregate id so that one
 * complaint's or case's events stay in order on one partition. Sends are synchronous when the
 * binding says {@code producer.sync: true} (the services' default): the outbox relay that removes
 * an entry after {@link #publish} returned knows the broker has it.
 */
public class EventPublisher implements EventSink {

    private final StreamBridge bridge;
    private final EventCodec codec;
    private final String source;

    public EventPublisher(StreamBridge bridge, EventCodec codec, String source) {
        this.bridge = bridge;
        this.codec = codec;
        this.source = source;
    }

    @Override
    public void publish(String topic, Event event) {
        if (!bridge.send(topic, toMessage(event))) {
            throw new IllegalStateException("broker did not take " + EventTypes.nameOf(event.getClass()) + " " + event.eventId());
        }
    }

    public Message<byte[]> toMessage(Event event) {
        return MessageBuilder.withPayload(codec.encode(event))
                .setHeader(KafkaHeaders.KEY, bytes(event.aggregateId()))
                .setHeader(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .setHeader(CloudEventHeaders.ID, bytes(event.eventId()))
                .setHeader(CloudEventHeaders.TYPE, bytes(EventTypes.nameOf(event.getClass())))
                .setHeader(CloudEventHeaders.SOURCE, bytes(source))
                .setHeader(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                .setHeader(CloudEventHeaders.SUBJECT, bytes(event.aggregateId()))
                .setHeader(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON))
                .build();
    }
}
