package cn.luoyang.pollution.systemtests.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Whether a template lifecycle has finished all its work, so that a million copies of it are
 * inert history: no event waiting in an outbox, no flag a relay sweeps for, no clock due, no
 * message or alert still queued. A copy of a lifecycle caught mid-flight would be picked up by
 * the services' pollers and relays and re-publish old events a million times.
 */
final class SeedQuiescence {

    private static final Set<String> OUTBOXES = Set.of("outbox");
    private static final Set<String> WAITING_STATES = Set.of("QUEUED", "SENDING", "PENDING", "RETRYING", "IN_FLIGHT");

    private SeedQuiescence() {
    }

    /** The first sign of unfinished work found in {@code doc}, e.g. {@code outbox holds 1 event}. */
    static Optional<String> pendingWork(Document doc) {
        return scan(doc, "");
    }

    private static Optional<String> scan(Object value, String path) {
        if (value instanceof Document d) {
            for (Map.Entry<String, Object> e : d.entrySet()) {
                String key = e.getKey();
                Object v = e.getValue();
                String at = path.isEmpty() ? key : path + "." + key;
                if (OUTBOXES.contains(key) && v instanceof List<?> l && !l.isEmpty()) {
                    return Optional.of(at + " holds " + l.size() + " event(s)");
                }
                if (key.endsWith("Pending") && Boolean.TRUE.equals(v)) {
                    return Optional.of(at + " is true");
                }
                if (key.equals("nextDueAt") && v != null) {
                    return Optional.of(at + " is set (a clock is running)");
                }
                if (key.equals("state") && v instanceof String s && WAITING_STATES.contains(s)) {
                    return Optional.of(at + " is " + s);
                }
                Optional<String> inner = scan(v, at);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                Optional<String> inner = scan(item, path);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }
}
