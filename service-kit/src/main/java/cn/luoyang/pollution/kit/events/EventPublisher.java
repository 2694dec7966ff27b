package cn.luoyang.pollution.kit.events;

import static cn.luoyang.pollution.kit.events.Headers.bytes;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes events as CloudEvents in Kafka's binary mode, keyed by aggregate id so that one
 * complaint's or case's events stay in order on one partition. Straight to Spring for Apache
 * Kafka's template over the producer {@link EventProducerSettings} configures like the binder's
 * (acks=all, idempotent): not through Spring Cloud Stream, whose message conversion, channel
 * resolution and interceptors cost four times what the Kafka producer does for the same record.
 * {@link #publish} returns only once the broker acknowledged the record and throws otherwise: the
 * outbox relay that removes an entry after it returned knows the broker has it.
 */
public class EventPublisher implements EventSink, AutoCloseable {

    private final KafkaOperations<byte[], byte[]> kafka;
    private final EventCodec codec;
    private final String source;
    private final Consumer<String> provision;
    private final Duration acknowledgement;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    /** A publisher to topics that exist, waiting for the producer's default delivery timeout (2 min) and 5 s more. */
    public EventPublisher(KafkaOperations<byte[], byte[]> kafka, EventCodec codec, String source) {
        this(kafka, codec, source, topic -> { }, Duration.ofSeconds(125));
    }

    /**
     * @param provision       creates a topic as the binder would (partitions, replication), called before
     *                        the first record to each topic until it returns without throwing
     * @param acknowledgement how long a send waits for the broker's answer: the producer's
     *                        {@code delivery.timeout.ms} and a margin, as the binder's synchronous send did
     */
    public EventPublisher(KafkaOperations<byte[], byte[]> kafka, EventCodec codec, String source,
            Consumer<String> provision, Duration acknowledgement) {
        this.kafka = kafka;
        this.codec = codec;
        this.source = source;
        this.provision = provision;
        this.acknowledgement = acknowledgement;
    }

    @Override
    public void publish(String topic, Event event) {
        CompletableFuture<?> sent = send(topic, event);
        try {
            await(sent, System.nanoTime() + acknowledgement.toNanos());
        } catch (RuntimeException e) {
            throw notTaken(topic, event, e);
        }
    }

    /**
     * Sends every entry, then waits for the broker's answers: about one round trip for the batch instead
     * of one per entry. Records of one key keep their order (one partition, idempotent producer). If a
     * send fails, the entries the broker did take are still reported to {@code acknowledged} before
     * this throws; entries after a send that failed at once (no metadata, producer closed) are not sent.
     */
    @Override
    public void publishAll(List<OutboxEntry> entries, Consumer<OutboxEntry> acknowledged) {
        List<CompletableFuture<?>> sent = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            CompletableFuture<?> one = send(entry.topic(), entry.event());
            sent.add(one);
            if (one.isCompletedExceptionally()) {
                break;
            }
        }
        long deadline = System.nanoTime() + acknowledgement.toNanos();
        RuntimeException failure = null;
        for (int i = 0; i < sent.size(); i++) {
            OutboxEntry entry = entries.get(i);
            try {
                await(sent.get(i), deadline);
                acknowledged.accept(entry);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = notTaken(entry.topic(), entry.event(), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The record {@link #publish} sends: the aggregate id as key, the event's JSON as value, the CloudEvents headers. */
    public ProducerRecord<byte[], byte[]> toRecord(String topic, Event event) {
        return new ProducerRecord<>(topic, null, bytes(event.aggregateId()), codec.encode(event), headers(event));
    }

    /** The same record as a Spring message, for tests and consumers that take one. */
    public Message<byte[]> toMessage(Event event) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(codec.encode(event))
                .setHeader(KafkaHeaders.KEY, bytes(event.aggregateId()));
        headers(event).forEach(header -> message.setHeader(header.key(), header.value()));
        return message.build();
    }

    /** Closes the producer (on shutdown): what it still holds is sent first, within its close timeout. */
    @Override
    public void close() throws Exception {
        if (kafka != null && kafka.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }

    private List<Header> headers(Event event) {
        return List.of(
                new RecordHeader(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE)),
                new RecordHeader(CloudEventHeaders.ID, bytes(event.eventId())),
                new RecordHeader(CloudEventHeaders.TYPE, bytes(EventTypes.nameOf(event.getClass()))),
                new RecordHeader(CloudEventHeaders.SOURCE, bytes(source)),
                new RecordHeader(CloudEventHeaders.TIME, bytes(event.occurredAt().toString())),
                new RecordHeader(CloudEventHeaders.SUBJECT, bytes(event.aggregateId())),
                new RecordHeader(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON)));
    }

    /** Starts sending; a send that fails at once answers a failed future rather than throwing. */
    private CompletableFuture<?> send(String topic, Event event) {
        try {
            if (!provisioned.contains(topic)) {
                provision.accept(topic);
                provisioned.add(topic);
            }
            return kafka.send(toRecord(topic, event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void await(CompletableFuture<?> sent, long deadline) {
        try {
            sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the broker in time", e);
        }
    }

    private static IllegalStateException notTaken(String topic, Event event, RuntimeException cause) {
        return new IllegalStateException("broker did not take " + EventTypes.nameOf(event.getClass()) + " "
                + event.eventId() + " on " + topic + ": " + cause, cause);
    }
}
