package cn.luoyang.pollution.kit.events;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.MessageHeaders;

/**
 * Kafka headers arrive as bytes (CloudEvents binary mode) or, from Spring producers, as strings.
 * Spring Cloud Function canonicalises inbound CloudEvents attributes from {@code ce_type} to
 * {@code ce-type}; lookups accept both spellings.
 */
final class Headers {

    static String text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    /** The Kafka binding's spelling of a header name: {@code ce-type} back to {@code ce_type}. */
    static String wireName(String name) {
        return name.startsWith("ce-") ? "ce_" + name.substring(3) : name;
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Headers() {
    }
}
