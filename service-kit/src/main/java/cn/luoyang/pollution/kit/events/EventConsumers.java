package cn.luoyang.pollution.kit.events;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * Builds the functional-binding consumers of a service: each record is decoded to its event and
 * handed to the application; an unreadable record (unknown type, broken JSON, or a handler's
 * {@link UnreadableEventException}) is dead-lettered and the consumer moves on. Any other
 * exception propagates, so the binder retries it (infrastructure failures heal; nothing is
 * swallowed).
 *
 * <p>{@link #batchOf} is the same for a binding in batch mode ({@code consumer.batch-mode: true}): every
 * record of the batch is decoded; each one that cannot be read goes to the dead-letter topic alone, with its
 * reason and the metric, and the others reach the handler together, in poll order (so the records of
 * one key keep their order). The batch is acknowledged when the handler returns; an exception from it
 * has the binder deliver the whole batch again, which an idempotent handler takes without doubling anything.
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

    public Consumer<Message<List<byte[]>>> batchOf(String topic, Consumer<List<Event>> handler) {
        return batch -> {
            List<Event> readable = new ArrayList<>();
            for (Message<byte[]> record : EventBatch.records(batch)) {
                try {
                    readable.add(codec.decode(Headers.text(record.getHeaders(), CloudEventHeaders.TYPE), record.getPayload()));
                } catch (UnreadableEventException e) {
                    deadLetters.send(topic, record, e.reason(), e.getMessage());
                }
            }
            if (!readable.isEmpty()) {
                handler.accept(readable);
            }
        };
    }

    /** The header value as text, whichever way the producer encoded it. */
    public static String header(Message<?> message, String name) {
        return Headers.text(message.getHeaders(), name);
    }
}
