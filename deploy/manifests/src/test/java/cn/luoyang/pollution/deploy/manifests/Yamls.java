package cn.luoyang.pollution.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML files as plain maps and lists (SnakeYAML resolves compose's anchors and merge keys). */
final class Yamls {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        try {
            String text = Files.readString(file);
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> docs = documents(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + docs.size() + " documents, expected one");
        }
        return docs.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** {@code at(obj, "spec", "template", "spec")}: the nested value, or null. */
    static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static String str(Object root, String... keys) {
        Object v = at(root, keys);
        return v == null ? null : v.toString();
    }

    private Yamls() {
    }
}
