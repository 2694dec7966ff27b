package cn.luoyang.pollution.complaint.support;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.testing.ServiceTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole complaint-service on a real broker and the embedded MongoDB, with a fresh reporter-contact
 * key pair whose private half only the test holds (to prove that what was stored is a real seal).
 */
@ServiceTest
public abstract class ServiceHarness {

    protected static final ContactKeys.KeyPair KEYS = ContactKeys.generate();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("reporter-contact.public-keyset", KEYS::publicKeyset);
        // a test context closes at once: no 20 s graceful wait for listener containers
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "2s");
        registry.add("server.shutdown", () -> "immediate");
    }

    @LocalServerPort
    protected int port;
    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", brokers, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    protected HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        return send(request.build());
    }

    protected HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A reporter's lookup through the API: the digits in the {@code Phone-Last4} header ({@code null}: none). */
    protected HttpResponse<String> lookup(String trackingNumber, String phoneLast4) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/complaints/"
                + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8).replace("+", "%20"))).GET();
        if (phoneLast4 != null) {
            request.header("Phone-Last4", phoneLast4);
        }
        return send(request.build());
    }

    /** A reporter's lookup through the page {@code /track}: the form posted. */
    protected HttpResponse<String> lookupPage(String trackingNumber, String phoneLast4) {
        String form = "trackingNumber=" + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8)
                + "&phoneLast4=" + URLEncoder.encode(phoneLast4 == null ? "" : phoneLast4, StandardCharsets.UTF_8);
        return postBytes("/track", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected void produce(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting for the broker's answer; {@link #closeProducer} flushes. */
    protected void produceAsync(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    /** Waits until the broker has every record {@link #produceAsync} sent. */
    protected void flush() {
        producer.flush();
    }

    protected static void eventually(Duration timeout, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
