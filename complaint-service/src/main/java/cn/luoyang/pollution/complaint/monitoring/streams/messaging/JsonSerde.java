package cn.luoyang.pollution.complaint.monitoring.streams.messaging;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON for the stream processor's records and state; what cannot be read is logged and becomes null (skipped). */
final class JsonSerde {

    private static final Logger log = LoggerFactory.getLogger(JsonSerde.class);

    static <T> Serde<T> of(JsonMapper json, Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : json.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return json.readValue(bytes, type);
            } catch (JacksonException e) {
                log.warn("skipped an unreadable {} on {}: {}", type.getSimpleName(), topic, e.getOriginalMessage());
                return null;
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private JsonSerde() {
    }
}
