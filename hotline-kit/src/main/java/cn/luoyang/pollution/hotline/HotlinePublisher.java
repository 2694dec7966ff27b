package cn.luoyang.pollution.hotline;

import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a hotline's reports on {@code complaints.submitted}: sealed and shaped by {@link HotlineRecords},
 * sent by an idempotent producer that waits for every in-sync replica ({@code acks=all}) and retries
 * on its own until {@code delivery.timeout.ms} (2 minutes). A report that still fails may be published
 * again, then or later: its key is the ticket, and complaint-service makes one complaint of a ticket
 * however often it arrives. Authentication to the city's Kafka (mutual TLS or SCRAM, see deploy/README.md)
 * goes in the extra client properties.
 */
public final class HotlinePublisher implements AutoCloseable {

    /** @param kafka further Kafka client properties (security.protocol, ssl.*, sasl.*), may be empty */
    public record Settings(String bootstrapServers, String sourceSystem, String publicKeyset, Map<String, String> kafka) {
    }

    /** Where a report went: the record key (its idempotency key) and the partition and offset the broker gave it. */
    public record Published(String key, String eventId, int partition, long offset) {
    }

    private final HotlineRecords records;
    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;

    private HotlinePublisher(HotlineRecords records, KafkaProducer<String, byte[]> producer, Clock clock) {
        this.records = records;
        this.producer = producer;
        this.clock = clock;
    }

    public static HotlinePublisher connect(Settings settings) {
        Properties p = new Properties();
        p.putAll(settings.kafka());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "hotline-kit-" + settings.sourceSystem());
        return new HotlinePublisher(new HotlineRecords(settings.sourceSystem(), settings.publicKeyset()),
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()), Clock.systemUTC());
    }

    /**
     * Seals, publishes and waits until the broker has the report.
     *
     * @throws PublishFailed when the broker did not take it within the producer's delivery timeout (publish it again later)
     */
    public Published publish(HotlineReport report) {
        ComplaintSubmitted event = records.event(report, clock.instant());
        try {
            RecordMetadata at = producer.send(records.record(event)).get(150, TimeUnit.SECONDS);
            return new Published(event.aggregateId(), event.eventId(), at.partition(), at.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed(event.aggregateId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailed(event.aggregateId(), e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The broker did not take the report; publishing the same ticket again is safe. */
    public static final class PublishFailed extends RuntimeException {
        public PublishFailed(String key, Throwable cause) {
            super("the broker did not take " + key + " (publish it again: the ticket makes one complaint): " + cause, cause);
        }
    }
}
