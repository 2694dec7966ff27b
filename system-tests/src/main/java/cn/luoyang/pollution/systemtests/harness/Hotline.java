package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.deploy.runtime.RuntimeLayout;
import cn.luoyang.pollution.hotline.HotlineRecords;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the external hotline platform: publishes {@code ComplaintSubmitted} on
 * {@code complaints.submitted} in CloudEvents binary mode, with the reporter's phone sealed by the
 * public key beforehand, exactly as a real hotline must. Can also publish raw bytes with any
 * headers, for the bad-input suite.
 */
public final class Hotline implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final ContactSealer sealer;
    /** The hotline kit's record shape (key, value, CloudEvents headers), also for events the tests build themselves. */
    private final HotlineRecords records;
    private final EventCodec codec = new EventCodec();

    private Hotline(KafkaProducer<String, byte[]> producer, String publicKeyset) {
        this.producer = producer;
        this.sealer = ContactSealer.withPublicKeyset(publicKeyset);
        this.records = new HotlineRecords("system-tests-hotline", publicKeyset);
    }

    public static Hotline connect(RuntimeLayout layout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        // a batch the restarted broker answers OUT_OF_ORDER_SEQUENCE_NUMBER is retried until this runs out (seen once in
        // the fault suite: its step waited the whole 5 minutes this was); a report whose send failed is not counted as sent
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "system-tests-hotline");
        String publicKeyset;
        try {
            publicKeyset = Files.readString(layout.keysDir().resolve(ContactKeys.PUBLIC_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("the runtime generates the key pair at start", e);
        }
        return new Hotline(new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()), publicKeyset);
    }

    public String seal(String phone) {
        return sealer.seal(phone);
    }

    /** Publishes a well-formed report; the future completes when the broker has it. */
    public Future<RecordMetadata> submit(ComplaintSubmitted event) {
        return producer.send(records.record(event));
    }

    /** Publishes a well-formed report and calls {@code done} with null or the error once the broker answered. */
    public void submitCallback(ComplaintSubmitted event, java.util.function.Consumer<Exception> done) {
        producer.send(records.record(event), (metadata, error) -> done.accept(error));
    }

    /** Publishes {@code value} as is with the given headers (null values are left out). */
    public Future<RecordMetadata> submitRaw(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMPLAINTS_SUBMITTED, key, value);
        headers.forEach((k, v) -> {
            if (v != null) {
                record.headers().add(k, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        return producer.send(record);
    }

    /** The CloudEvents headers a well-behaved producer sets, for a raw record of the given type. */
    public static Map<String, String> headersFor(String eventId, String type, String subject) {
        return Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "system-tests/hotline",
                CloudEventHeaders.SUBJECT, subject,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    }

    public byte[] encode(ComplaintSubmitted event) {
        return codec.encode(event);
    }

    public void flush() {
        producer.flush();
    }

    public static void await(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the record", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
