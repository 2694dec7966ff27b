package cn.luoyang.pollution.kit.events;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * Builds the functional-binding consumers of a service: each record is decoded to its event and
 * handed to the application; an unreadable record (unknown type, broken JSON, or a handler's
 * {@link UnreadableEventException}) is dead-lettered and the consumer moves on. Any other
 * exception propagates, so the binder retries it (infrastructure failures heal; nothing is
 * swallowed).
 */
public class EventConsumers {

    private final EventCodec codec;
    private final DeadLetters deadLetters;

    public EventConsumers(EventCodec codec, DeadLetters deadLetters) {
        this.codec = codec;
        this.deadLetters = deadLetters;
    }

    public Consumer<Message<byte[]>> of(String topic, Consumer<Event> handler) {
        return message -> {
            try {
                Event event = codec.decode(Headers.text(message.getHeaders(), CloudEventHeaders.TYPE), message.getPayload());
                handler.accept(event);
            } catch (UnreadableEventException e) {
                deadLetters.send(topic, message, e.reason(), e.getMessage());
            }
        };
    }

    /** The header value as text, whichever way the producer encoded it. */
    public static String header(Message<?> message, String name) {
        return Headers.text(message.getHeaders(), name);
    }
}
