package cn.luoyang.pollution.kit.events;

import static cn.luoyang.pollution.kit.events.Headers.bytes;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Moves a record nobody can read to {@code <topic>.dlt}, unchanged, with the reason in headers,
 * and counts it ({@code pollution.dead.letters} by topic and reason). The consumer then goes on
 * with the next record: bad input never stops a partition and never vanishes.
 */
public class DeadLetters {

    private final StreamBridge bridge;
    private final MeterRegistry meters;

    public DeadLetters(StreamBridge bridge, MeterRegistry meters) {
        this.bridge = bridge;
        this.meters = meters;
    }

    public void send(String topic, Message<byte[]> original, String reason, String detail) {
        MessageBuilder<byte[]> dead = MessageBuilder.withPayload(original.getPayload());
        original.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("kafka_") && !name.equals("id") && !name.equals("timestamp")) {
                dead.setHeader(Headers.wireName(name), value);
            }
        });
        dead.setHeader(CloudEventHeaders.DLT_REASON, bytes(reason))
                .setHeader(CloudEventHeaders.DLT_DETAIL, bytes(truncate(detail)))
                .setHeader(CloudEventHeaders.DLT_ORIGINAL_TOPIC, bytes(topic));
        Object key = original.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key != null) {
            dead.setHeader(KafkaHeaders.KEY, key);
        }
        copy(original, dead, KafkaHeaders.RECEIVED_PARTITION, CloudEventHeaders.DLT_ORIGINAL_PARTITION);
        copy(original, dead, KafkaHeaders.OFFSET, CloudEventHeaders.DLT_ORIGINAL_OFFSET);
        if (!bridge.send(Topics.deadLetterOf(topic), dead.build())) {
            throw new IllegalStateException("dead-letter topic did not take a record from " + topic);
        }
        Counter.builder("pollution.dead.letters")
                .description("Records moved to a dead-letter topic")
                .tag("topic", topic)
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private static void copy(Message<byte[]> from, MessageBuilder<byte[]> to, String header, String as) {
        Object value = from.getHeaders().get(header);
        if (value != null) {
            to.setHeader(as, bytes(value.toString()));
        }
    }

    private static String truncate(String detail) {
        String text = detail == null ? "" : detail;
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
