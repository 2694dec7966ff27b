package cn.luoyang.pollution.complaint.monitoring.messaging;

import cn.luoyang.pollution.complaint.monitoring.FactorValue;
import cn.luoyang.pollution.complaint.monitoring.Monitor;
import cn.luoyang.pollution.complaint.monitoring.Reading;
import cn.luoyang.pollution.complaint.monitoring.ReadingPublisher;
import cn.luoyang.pollution.contracts.monitoring.FactorReading;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Sends each reading straight to the broker as {@code MonitorReadingReceived}, keyed by MN, with the same
 * CloudEvents headers as every other event of the service ({@link EventPublisher#toMessage}). Not through
 * the outbox: readings are high-volume telemetry that this service never stores, and the device itself is
 * the retry — it is acknowledged only after the broker has the reading (idempotent producer, acks=all) and
 * sends the packet again otherwise; the event id is derived from MN, interval and data time, so such a
 * repeat is recognisable downstream.
 */
public final class KafkaReadings implements ReadingPublisher {

    private final Producer<String, byte[]> producer;
    private final EventPublisher events;
    private final String topic;
    private final Clock clock;

    public KafkaReadings(Producer<String, byte[]> producer, EventPublisher events, String topic, Clock clock) {
        this.producer = producer;
        this.events = events;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> publish(Reading reading, Monitor monitor) {
        Message<byte[]> message = events.toMessage(event(reading, monitor));
        List<Header> headers = new ArrayList<>();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes && !name.equals(KafkaHeaders.KEY)) {
                headers.add(new RecordHeader(name, bytes));
            }
        });
        var record = new ProducerRecord<>(topic, null, reading.mn(), message.getPayload(), headers);
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    stored.complete(null);
                } else {
                    stored.completeExceptionally(failure);
                }
            });
        } catch (KafkaException e) {
            stored.completeExceptionally(e);
        }
        return stored;
    }

    private MonitorReadingReceived event(Reading reading, Monitor monitor) {
        String identity = reading.mn() + "|" + reading.interval().cn() + "|" + reading.dataTime();
        List<FactorReading> values = reading.values().stream().map(KafkaReadings::value).toList();
        return new MonitorReadingReceived(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString(),
                reading.mn(), monitor.sourceId(), monitor.responsibleUnit(), reading.interval().label(),
                reading.dataTime(), values, clock.instant(), MonitorReadingReceived.VERSION);
    }

    private static FactorReading value(FactorValue v) {
        return new FactorReading(v.factor().code(), v.rtd(), v.avg(), v.min(), v.max(), v.flag() == null ? null : v.flag().name());
    }
}
