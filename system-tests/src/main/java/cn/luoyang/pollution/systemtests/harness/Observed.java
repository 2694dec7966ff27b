package cn.luoyang.pollution.systemtests.harness;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One record the tap read: where it came from, its CloudEvents type, its JSON body and headers, and the broker's timestamp. */
public record Observed(String topic, String type, String key, JsonNode body, Map<String, String> headers,
                       long timestampMillis, int partition, long offset) {

    public String text(String field) {
        JsonNode n = body.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }

    public String header(String name) {
        return headers.get(name);
    }
}
