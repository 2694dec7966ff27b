package cn.luoyang.pollution.complaint.intake.json;

import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first look at a submission's bytes, the same for HTTP and Kafka: size, well-formed UTF-8,
 * well-formed JSON, an object at the top, and no MongoDB operator keys ({@code $...} or dotted)
 * anywhere. Messages give a position, never the text, which might hold a phone number.
 */
public final class RawJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawJson() {
    }

    public static JsonNode parse(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw invalid("malformed-json", "body", "is empty; send a JSON object");
        }
        if (body.length > maxBytes) {
            throw invalid("too-large", "body", "is " + body.length + " bytes; at most " + maxBytes + " are accepted");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("malformed-utf8", "body", "is not well-formed UTF-8");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " near line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid("malformed-json", "body", "is not well-formed JSON" + where);
        }
        if (root == null || !root.isObject()) {
            throw invalid("malformed-json", "body", "must be a JSON object");
        }
        List<FieldError> operators = new ArrayList<>();
        operatorKeys(root, "", operators);
        if (!operators.isEmpty()) {
            throw new InvalidComplaintException("operator-injection", operators);
        }
        return root;
    }

    private static void operatorKeys(JsonNode node, String path, List<FieldError> found) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String at = path.isEmpty() ? name : path + "." + name;
                if (name.startsWith("$") || name.contains(".")) {
                    found.add(new FieldError(at, "keys must not start with '$' or contain '.'"));
                }
                operatorKeys(node.get(name), at, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                operatorKeys(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static InvalidComplaintException invalid(String reason, String field, String message) {
        return new InvalidComplaintException(reason, List.of(new FieldError(field, message)));
    }
}
