package cn.luoyang.pollution.deploy.manifests;

import java.util.List;
import java.util.Map;

/** RFC 6902 {@code replace} and {@code add} on maps and lists parsed from YAML (RFC 6901 pointers). */
final class Json6902 {

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> root, Map<String, Object> op) {
        String kind = String.valueOf(op.get("op"));
        String path = String.valueOf(op.get("path"));
        Object value = Kustomization.copy(op.get("value"));
        if (!kind.equals("replace") && !kind.equals("add")) {
            throw new IllegalArgumentException("JSON 6902 '" + kind + "' is not rendered here");
        }
        String[] tokens = path.substring(1).split("/", -1);
        Object parent = root;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = child(parent, unescape(tokens[i]), path);
        }
        String last = unescape(tokens[tokens.length - 1]);
        if (parent instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (kind.equals("replace") && !map.containsKey(last)) {
                throw new IllegalArgumentException("replace of a missing member: " + path);
            }
            map.put(last, value);
        } else if (parent instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            if (last.equals("-") && kind.equals("add")) {
                list.add(value);
            } else {
                int index = Integer.parseInt(last);
                if (kind.equals("replace")) {
                    list.set(index, value);
                } else {
                    list.add(index, value);
                }
            }
        } else {
            throw new IllegalArgumentException("no object or array at " + path);
        }
    }

    private static Object child(Object parent, String token, String path) {
        Object next = null;
        if (parent instanceof Map<?, ?> m) {
            next = m.get(token);
        } else if (parent instanceof List<?> l) {
            next = l.get(Integer.parseInt(token));
        }
        if (next == null) {
            throw new IllegalArgumentException("the pointer " + path + " leads nowhere at '" + token + "'");
        }
        return next;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private Json6902() {
    }
}
