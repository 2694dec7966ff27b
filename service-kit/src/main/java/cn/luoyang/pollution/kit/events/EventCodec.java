package cn.luoyang.pollution.kit.events;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.EventTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for events on the wire. A tolerant reader: unknown fields are ignored, so producers may
 * add fields (changes are additive) without breaking older consumers.
 */
public final class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] encode(Event event) {
        return json.writeValueAsBytes(event);
    }

    /** @throws UnreadableEventException when the type is unknown or the payload is not that type's JSON */
    public Event decode(String type, byte[] payload) {
        if (type == null || type.isBlank()) {
            throw new UnreadableEventException("missing-type", "no ce_type header");
        }
        Class<? extends Event> target = EventTypes.classOf(type)
                .orElseThrow(() -> new UnreadableEventException("unknown-type", "unknown event type " + type));
        try {
            return json.readValue(payload, target);
        } catch (JacksonException e) {
            throw new UnreadableEventException("malformed-json", type + ": " + e.getOriginalMessage());
        }
    }

    public JsonMapper json() {
        return json;
    }
}
