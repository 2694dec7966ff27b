package cn.luoyang.pollution.systemtests.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Reads template lifecycles back from the store: each complaint by its tracking number, then,
 * in one pass over every collection of every service database, each document whose values
 * mention the tracking number (so also the case id {@code CASE-<tracking number>} and the SMS
 * texts) or the complaint id. Reference data (counters, settings, rule tables, sources, users,
 * GridFS) is skipped. A lifecycle that still has work in flight is read again until it is done
 * or the wait is over.
 */
final class SeedCapture {

    /** Where complaint-service keeps complaints ({@code _id} = complaint id, unique {@code trackingNumber}). */
    static final String COMPLAINTS_DATABASE = "complaints";
    static final String COMPLAINTS_COLLECTION = "complaints";
    private static final Set<String> SKIPPED_DATABASES = Set.of("admin", "local", "config");
    private static final Set<String> SKIPPED_COLLECTIONS = Set.of("tracking_counters", "settings", "rule_tables", "sources", "users");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MongoClient client;

    SeedCapture(MongoClient client) {
        this.client = client;
    }

    SeedTemplates capture(Collection<String> trackingNumbers, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Round round = readOnce(trackingNumbers);
            if (round.busy.isEmpty() || System.nanoTime() > deadline) {
                Map<String, String> rejected = new TreeMap<>(round.rejected);
                round.busy.forEach((tn, why) -> rejected.put(tn, "still working after " + wait.toSeconds() + " s: " + why));
                List<SeedTemplate> usable = round.templates.stream().filter(t -> !rejected.containsKey(t.trackingNumber())).toList();
                return new SeedTemplates(usable, rejected, uniqueKeys(usable));
            }
            // reading every collection again is slow on a full store: watch the documents already found until they settle
            awaitSettled(round.templates, deadline);
        }
    }

    private void awaitSettled(List<SeedTemplate> templates, long deadline) {
        while (System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(2));
            boolean settled = true;
            for (SeedTemplate t : templates) {
                for (SeedDocument d : t.documents()) {
                    Document now = client.getDatabase(d.database()).getCollection(d.collection()).find(Filters.eq("_id", d.document().get("_id"))).first();
                    settled &= now != null && SeedQuiescence.pendingWork(now).isEmpty()
                            && (!d.namespace().equals(t.complaintNamespace()) || "CLOSED".equals(statusOf(now)));
                }
            }
            if (settled) {
                return;
            }
        }
    }

    private static String statusOf(Document complaint) {
        Document progress = complaint.get("progress", Document.class);
        return progress == null ? null : progress.getString("status");
    }

    private record Round(List<SeedTemplate> templates, Map<String, String> rejected, Map<String, String> busy) {
    }

    private record Seeking(String trackingNumber, String complaintId, String caseId, String ticket, String status,
                           List<SeedDocument> found) {
    }

    private Round readOnce(Collection<String> trackingNumbers) {
        Map<String, String> rejected = new HashMap<>();
        Map<String, Seeking> byKey = new HashMap<>();
        List<Seeking> seeking = new ArrayList<>();
        MongoCollection<Document> complaints = client.getDatabase(COMPLAINTS_DATABASE).getCollection(COMPLAINTS_COLLECTION);
        for (String tn : new java.util.LinkedHashSet<>(trackingNumbers)) {
            Document complaint = SeedPlan.isTrackingNumber(tn) ? complaints.find(Filters.eq("trackingNumber", tn)).first() : null;
            if (complaint == null) {
                rejected.put(tn, "no complaint with this tracking number in " + COMPLAINTS_DATABASE + "." + COMPLAINTS_COLLECTION);
                continue;
            }
            Document draft = complaint.get("draft", Document.class);
            Document progress = complaint.get("progress", Document.class);
            Seeking s = new Seeking(tn, String.valueOf(complaint.get("_id")), progress == null ? null : progress.getString("caseId"),
                    draft == null ? null : draft.getString("externalTicketId"), progress == null ? null : progress.getString("status"),
                    new ArrayList<>());
            seeking.add(s);
            byKey.put(s.trackingNumber(), s);
            byKey.put(s.complaintId(), s);
        }
        for (String database : client.listDatabaseNames()) {
            if (SKIPPED_DATABASES.contains(database)) {
                continue;
            }
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                if (collection.startsWith("system.") || collection.endsWith(".files") || collection.endsWith(".chunks")
                        || SKIPPED_COLLECTIONS.contains(collection)) {
                    continue;
                }
                // in batches: the embedded server otherwise answers a whole collection in one reply (over 48 MB on a seeded store)
                for (Document d : client.getDatabase(database).getCollection(collection).find().batchSize(1_000)) {
                    Set<Seeking> owners = Collections.newSetFromMap(new IdentityHashMap<>());
                    mentions(d, byKey, owners);
                    if (owners.size() > 1) {
                        String why = "shares " + database + "." + collection + " " + d.get("_id") + " with another template";
                        owners.forEach(o -> rejected.put(o.trackingNumber(), why));
                    }
                    owners.forEach(o -> o.found().add(new SeedDocument(database, collection, d)));
                }
            }
        }
        List<SeedTemplate> templates = new ArrayList<>();
        Map<String, String> busy = new HashMap<>();
        for (Seeking s : seeking) {
            if (rejected.containsKey(s.trackingNumber())) {
                continue;
            }
            SeedTemplate t = new SeedTemplate(s.trackingNumber(), s.complaintId(), s.caseId(), s.ticket(),
                    COMPLAINTS_DATABASE + "." + COMPLAINTS_COLLECTION, s.found());
            if (!"CLOSED".equals(s.status())) {
                busy.put(t.trackingNumber(), "the complaint is " + s.status() + ", not CLOSED");
            }
            for (SeedDocument d : t.documents()) {
                Optional<String> pending = SeedQuiescence.pendingWork(d.document());
                if (pending.isPresent()) {
                    busy.putIfAbsent(t.trackingNumber(), d.namespace() + " " + d.document().get("_id") + ": " + pending.get());
                }
            }
            try {
                SeedPattern.compile(t);
                templates.add(t);
            } catch (SeedPattern.ForeignLifecycle e) {
                rejected.put(t.trackingNumber(), e.getMessage());
            }
        }
        return new Round(templates, rejected, busy);
    }

    /** Which templates {@code value} mentions, by tracking number or complaint id, anywhere in its strings. */
    private static void mentions(Object value, Map<String, Seeking> byKey, Set<Seeking> owners) {
        if (value instanceof String s) {
            Matcher tn = SeedPlan.trackingNumberPattern().matcher(s);
            while (tn.find()) {
                Seeking owner = byKey.get(tn.group());
                if (owner != null) {
                    owners.add(owner);
                }
            }
            Matcher uuid = UUID.matcher(s);
            while (uuid.find()) {
                Seeking owner = byKey.get(uuid.group());
                if (owner != null) {
                    owners.add(owner);
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                mentions(k, byKey, owners);
                mentions(v, byKey, owners);
            });
        } else if (value instanceof List<?> l) {
            l.forEach(v -> mentions(v, byKey, owners));
        }
    }

    private Map<String, List<List<String>>> uniqueKeys(List<SeedTemplate> templates) {
        Map<String, List<List<String>>> keys = new TreeMap<>();
        templates.stream().flatMap(t -> t.documents().stream()).forEach(d -> keys.computeIfAbsent(d.namespace(), ns -> {
            List<List<String>> unique = new ArrayList<>();
            for (Document index : client.getDatabase(d.database()).getCollection(d.collection()).listIndexes()) {
                if (Boolean.TRUE.equals(index.get("unique"))) {
                    unique.add(List.copyOf(index.get("key", Document.class).keySet()));
                }
            }
            return unique;
        }));
        return keys;
    }

    static List<String> closedTrackingNumbers(MongoClient client, int limit) {
        List<String> found = new ArrayList<>();
        client.getDatabase(COMPLAINTS_DATABASE).getCollection(COMPLAINTS_COLLECTION)
                .find(Filters.eq("progress.status", "CLOSED")).limit(limit)
                .forEach(d -> found.add(d.getString("trackingNumber")));
        return found;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the templates to settle", e);
        }
    }
}
