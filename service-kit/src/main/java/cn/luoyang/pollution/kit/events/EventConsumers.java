package cn.luoyang.pollution.kit.events;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * one key keep their order). The batch is acknowledged when the handler returns. In batch mode the binder
 * neither retries nor waits (a failed batch would go straight to {@code error.<topic>.<group>}), so the
 * handler is retried here as a record binding is ({@link Retries}: 10 attempts, 0.5 s doubling to 30 s); the
 * handler is idempotent, so a retry after a half-done batch doubles nothing. Still failing, the exception
 * propagates and the binder parks the whole batch on {@code error.<topic>.<group>}: never skipped.
 *
 * <p>A batch handler that finds one record can never apply (an unknown case, a state conflict) passes it to
 * {@link Rejections#reject}: that record alone goes to the dead-letter topic with the reason, once the batch
 * has been handled (an attempt that fails forgets its rejections; the next attempt decides again).
 */
public class EventConsumers {

    private final EventCodec codec;
    private final DeadLetters deadLetters;
    private final Retries retries;

    public EventConsumers(EventCodec codec, DeadLetters deadLetters) {
        this(codec, deadLetters, Retries.DEFAULT);
    }

    public EventConsumers(EventCodec codec, DeadLetters deadLetters, Retries retries) {
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.retries = retries;
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

    public Consumer<Message<List<byte[]>>> batchOf(String topic, BatchHandler handler) {
        return batch -> {
            Map<Event, Message<byte[]>> readable = new IdentityHashMap<>();
            List<Event> events = new ArrayList<>();
            for (Message<byte[]> record : EventBatch.records(batch)) {
                try {
                    Event event = codec.decode(Headers.text(record.getHeaders(), CloudEventHeaders.TYPE), record.getPayload());
                    readable.put(event, record);
                    events.add(event);
                } catch (UnreadableEventException e) {
                    deadLetters.send(topic, record, e.reason(), e.getMessage());
                }
            }
            if (events.isEmpty()) {
                return;
            }
            List<Rejection> rejected = new ArrayList<>();
            retries.run(() -> {
                rejected.clear();
                handler.accept(List.copyOf(events), (event, reason) -> {
                    if (!readable.containsKey(event)) {
                        throw new IllegalArgumentException("not an event of this batch: " + event.eventId());
                    }
                    rejected.add(new Rejection(event, reason));
                });
            });
            for (Rejection r : rejected) {
                deadLetters.send(topic, readable.get(r.event()), r.reason().reason(), r.reason().getMessage());
            }
        };
    }

    /** Handles the readable events of one poll, in poll order; may turn single records away through {@code rejections}. */
    @FunctionalInterface
    public interface BatchHandler {
        void accept(List<Event> events, Rejections rejections);
    }

    /** Where a batch handler turns away a record no retry can fix; it goes to the dead letters alone, with the reason. */
    @FunctionalInterface
    public interface Rejections {
        void reject(Event event, UnreadableEventException reason);
    }

    private record Rejection(Event event, UnreadableEventException reason) {
    }

    /** How a failing batch is tried again: {@code attempts} in all, waiting {@code first}, doubling up to {@code max}. */
    public record Retries(int attempts, long firstMillis, long maxMillis, Sleeper sleeper) {

        /** As the kit's record bindings: 10 attempts, 0.5 s doubling to 30 s (about 2 minutes of waiting, under max.poll.interval.ms). */
        public static final Retries DEFAULT = new Retries(10, 500, 30_000, Thread::sleep);

        public void run(Runnable work) {
            long wait = firstMillis;
            for (int attempt = 1; ; attempt++) {
                try {
                    work.run();
                    return;
                } catch (UnreadableEventException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (attempt >= attempts) {
                        throw e;
                    }
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted between attempts at a batch", e);
                }
                wait = Math.min(wait * 2, maxMillis);
            }
        }
    }

    /** Waits between attempts (a test passes one that does not). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** The header value as text, whichever way the producer encoded it. */
    public static String header(Message<?> message, String name) {
        return Headers.text(message.getHeaders(), name);
    }
}
