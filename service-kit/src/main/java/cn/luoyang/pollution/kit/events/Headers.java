package cn.luoyang.pollution.kit.events;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.MessageHeaders;

/** Kafka headers arrive as bytes (CloudEvents binary mode) or, from Spring producers, as strings. */
final class Headers {

    static String text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Headers() {
    }
}
