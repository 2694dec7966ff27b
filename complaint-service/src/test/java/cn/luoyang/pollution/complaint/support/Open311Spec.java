package cn.luoyang.pollution.complaint.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GeoReport v2 specification as a test oracle: JSON Schemas built from the swagger file's
 * definitions (closed to extra fields, so a misspelt field fails), and the element paths of the
 * specification's XML examples.
 */
public final class Open311Spec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ObjectNode definitions;
    private final Map<String, Set<String>> xmlPaths = new HashMap<>();

    public Open311Spec() {
        try (InputStream yaml = resource("open311/georeport_v2-1.yaml"); InputStream md = resource("open311/GeoReport_v2_index.md")) {
            Map<String, Object> swagger = new Yaml().load(yaml);
            definitions = (ObjectNode) JSON.valueToTree(swagger.get("definitions"));
            definitions.properties().forEach(e -> ((ObjectNode) e.getValue()).put("additionalProperties", false));
            readXmlExamples(new String(md.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Violations of {@code definition} (e.g. "Service"), or of an array of it when {@code array}. */
    public List<String> violations(JsonNode json, String definition, boolean array) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "http://json-schema.org/draft-04/schema#");
        schema.set("definitions", definitions);
        ObjectNode ref = JSON.createObjectNode().put("$ref", "#/definitions/" + definition);
        if (array) {
            schema.put("type", "array");
            schema.set("items", ref);
        } else {
            schema.setAll(ref);
        }
        Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema.toString());
        return validator.validate(json).stream().map(Error::toString).toList();
    }

    /** Element paths of {@code xml} that no specification example with the same root element has. */
    public List<String> unknownXmlPaths(String xml) {
        Set<String> ours = new HashSet<>();
        Element root = parse(xml);
        collect(root, root.getTagName(), ours);
        Set<String> known = xmlPaths.getOrDefault(root.getTagName(), Set.of());
        return ours.stream().filter(p -> !known.contains(p)).sorted().toList();
    }

    public boolean knowsRoot(String root) {
        return xmlPaths.containsKey(root);
    }

    private void readXmlExamples(String markdown) {
        Matcher fence = Pattern.compile("~~~~\\n(.*?)~~~~", Pattern.DOTALL).matcher(markdown);
        while (fence.find()) {
            String block = fence.group(1);
            int start = block.indexOf("<?xml");
            if (start >= 0) {
                Element root = parse(block.substring(start));
                collect(root, root.getTagName(), xmlPaths.computeIfAbsent(root.getTagName(), k -> new HashSet<>()));
            }
        }
    }

    private static void collect(Element element, String path, Set<String> into) {
        into.add(path);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, path + "/" + e.getTagName(), into);
            }
        }
    }

    private static Element parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.trim().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        return Open311Spec.class.getClassLoader().getResourceAsStream(name);
    }
}
