package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads every topic the services write (in its own consumer group, from the beginning) into a
 * {@link Ledger}, so a test can follow each complaint through registration, dispatch, the case's
 * life and the SMS audit without knowing any service's internals. Survives broker restarts: the
 * Kafka client reconnects by itself.
 */
public final class EventTap implements AutoCloseable {

    public static final List<String> TOPICS = List.of(
            Topics.COMPLAINTS_REGISTERED, Topics.COMPLAINTS_REJECTED, Topics.CASES_DISPATCHED, Topics.CASES_LIFECYCLE,
            Topics.REPORTERS_NOTIFIED, Topics.deadLetterOf(Topics.COMPLAINTS_SUBMITTED),
            Topics.deadLetterOf(Topics.COMPLAINTS_REGISTERED), Topics.deadLetterOf(Topics.CASES_DISPATCHED),
            Topics.deadLetterOf(Topics.CASES_LIFECYCLE));

    private final KafkaConsumer<String, byte[]> consumer;
    private final Ledger ledger = new Ledger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private EventTap(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::loop, "event-tap");
        this.thread.setDaemon(true);
    }

    public static EventTap start(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-tap-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        EventTap tap = new EventTap(new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer()));
        tap.consumer.subscribe(TOPICS);
        tap.thread.start();
        return tap;
    }

    public Ledger ledger() {
        return ledger;
    }

    private void loop() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    ledger.add(toObserved(r));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static Observed toObserved(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            if (h.value() != null) {
                headers.put(canonical(h.key()), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        JsonNode body;
        try {
            body = r.value() == null ? JsonHttp.JSON.missingNode() : JsonHttp.JSON.readTree(r.value());
        } catch (RuntimeException notJson) {
            body = JsonHttp.JSON.missingNode();
        }
        return new Observed(r.topic(), headers.get("ce_type"), r.key(), body, headers, r.timestamp(), r.partition(), r.offset());
    }

    /** {@code ce-type} and {@code ce_type} are the same attribute (Spring canonicalises inbound names). */
    private static String canonical(String header) {
        return header.startsWith("ce-") ? "ce_" + header.substring(3) : header;
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            consumer.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
