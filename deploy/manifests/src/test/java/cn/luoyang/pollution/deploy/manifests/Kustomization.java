package cn.luoyang.pollution.deploy.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the part of Kustomize these files
 * use and nothing more: {@code resources} (files, or folders holding a kustomization) and
 * {@code patches} given inline as JSON 6902 operations ({@code replace} and {@code add} on a
 * JSON pointer) with a {@code target} of {@code kind}, {@code name} and an equality
 * {@code labelSelector}. Anything else in a kustomization is refused, so the files cannot drift
 * into a feature this renderer would silently get wrong. (No Java Kustomize is on Maven Central.)
 */
final class Kustomization {

    private static final Set<String> KNOWN_KEYS = Set.of("apiVersion", "kind", "resources", "patches");

    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = Yamls.document(dir.resolve("kustomization.yaml"));
        for (String key : k.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + key
                        + "', which this test's renderer does not implement (Kustomization.java)");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object r : Yamls.list(k.get("resources"))) {
            Path p = dir.resolve(r.toString()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(render(p));
            } else {
                objects.addAll(Yamls.documents(p));
            }
        }
        for (Object p : Yamls.list(k.get("patches"))) {
            Map<String, Object> patch = Yamls.map(p);
            if (!Set.of("target", "patch").containsAll(patch.keySet()) || patch.get("patch") == null) {
                throw new IllegalArgumentException(dir + ": only inline JSON 6902 patches with a target are rendered here: " + patch.keySet());
            }
            Map<String, Object> target = Yamls.map(patch.get("target"));
            List<Object> ops = Yamls.list(new org.yaml.snakeyaml.Yaml().load(patch.get("patch").toString()));
            int matched = 0;
            for (Map<String, Object> object : objects) {
                if (matches(target, object)) {
                    matched++;
                    for (Object op : ops) {
                        Json6902.apply(object, Yamls.map(op));
                    }
                }
            }
            if (matched == 0) {
                throw new IllegalArgumentException(dir + ": the patch for " + target + " matches no object");
            }
        }
        return objects;
    }

    private static boolean matches(Map<String, Object> target, Map<String, Object> object) {
        for (String key : target.keySet()) {
            if (!Set.of("kind", "name", "labelSelector").contains(key)) {
                throw new IllegalArgumentException("patch target field '" + key + "' is not rendered here");
            }
        }
        if (target.containsKey("kind") && !target.get("kind").equals(object.get("kind"))) {
            return false;
        }
        if (target.containsKey("name") && !target.get("name").equals(Yamls.str(object, "metadata", "name"))) {
            return false;
        }
        if (target.containsKey("labelSelector")) {
            Map<String, Object> labels = Yamls.map(Yamls.at(object, "metadata", "labels"));
            for (String term : target.get("labelSelector").toString().split(",")) {
                String[] kv = term.split("=", 2);
                if (kv.length != 2 || kv[0].endsWith("!")) {
                    throw new IllegalArgumentException("only key=value label selectors are rendered here: " + term);
                }
                if (!kv[1].trim().equals(String.valueOf(labels.get(kv[0].trim())))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Deep copy, so that two overlays rendering one base never share a patched map. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((key, v) -> c.put((String) key, copy(v)));
            return c;
        }
        if (value instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(copy(v)));
            return c;
        }
        return value;
    }

    private Kustomization() {
    }
}
