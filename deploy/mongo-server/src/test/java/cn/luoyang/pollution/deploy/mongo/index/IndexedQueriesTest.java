package cn.luoyang.pollution.deploy.mongo.index;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.luoyang.pollution.deploy.mongo.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexed collection must answer every filter exactly as an unindexed twin holding the same
 * documents does (the twin is read by full scan), before and after updates, deletes and a restart.
 */
class IndexedQueriesTest {

    private static final List<String> STATES = List.of("PENDING", "SENT", "FAILED", "QUEUED");
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

    @TempDir
    Path dataDir;

    private final Random random = new Random(20261128);

    @Test
    void everyFilterGetsTheSameDocumentsAsAFullScan() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("notification");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            MongoCollection<Document> scanned = db.getCollection("scanned");
            List<Document> documents = randomDocuments(600);
            indexed.insertMany(documents.subList(0, 300));
            declareIndexes(indexed); // built from documents already stored…
            indexed.insertMany(documents.subList(300, 600)); // …and kept up to date for new ones
            scanned.insertMany(documents);

            assertSameAnswers(indexed, scanned);

            for (int i = 0; i < 40; i++) {
                Bson filter = randomFilter();
                Bson change = switch (i % 3) {
                    case 0 -> Updates.set("state", pick(STATES));
                    case 1 -> Updates.set("dueAt", date(random.nextInt(1000) - 500));
                    default -> Updates.unset("attempts");
                };
                indexed.updateMany(filter, change);
                scanned.updateMany(filter, change);
            }
            indexed.deleteMany(eq("state", "FAILED"));
            scanned.deleteMany(eq("state", "FAILED"));
            assertSameAnswers(indexed, scanned);
        }

        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
             MongoClient client = MongoClients.create(restarted.connectionString())) {
            MongoDatabase db = client.getDatabase("notification");
            assertSameAnswers(db.getCollection("indexed"), db.getCollection("scanned"));
        }
    }

    @Test
    void optimisticLockingSavesFindTheirDocumentByIdAndVersion() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("enforcement").getCollection("cases");
            cases.createIndex(Indexes.ascending("state"));
            cases.insertOne(new Document("_id", "CASE-LY20261128-000001").append("version", 1).append("state", "OPEN"));

            long stale = cases.updateOne(and(eq("_id", "CASE-LY20261128-000001"), eq("version", 0)),
                    Updates.set("state", "CLOSED")).getModifiedCount();
            long current = cases.updateOne(and(eq("_id", "CASE-LY20261128-000001"), eq("version", 1)),
                    Updates.combine(Updates.set("state", "CLOSED"), Updates.inc("version", 1))).getModifiedCount();

            assertEquals(0, stale, "a save with a stale version changes nothing");
            assertEquals(1, current);
            assertEquals(List.of("CASE-LY20261128-000001"), ids(cases, eq("state", "CLOSED")));
            assertEquals(List.of(), ids(cases, eq("state", "OPEN")));
            assertEquals(List.of(), ids(cases, and(eq("_id", "CASE-LY20261128-000002"), eq("state", "CLOSED"))));
        }
    }

    @Test
    void uniqueKeysAreEnforcedAndFoundBeforeAndAfterARestart() {
        for (int start = 0; start < 2; start++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> complaints = client.getDatabase("complaints").getCollection("complaints");
                complaints.createIndex(Indexes.ascending("source", "ticket"), new IndexOptions().unique(true));
                if (start == 0) {
                    complaints.insertOne(new Document("_id", "LY20261128-000001").append("source", "hotline-12369").append("ticket", 7));
                    complaints.insertOne(new Document("_id", new ObjectId()).append("source", "hotline-12369").append("ticket", 8L));
                }
                MongoWriteException sameId = assertThrows(MongoWriteException.class, () -> complaints.insertOne(
                        new Document("_id", "LY20261128-000001").append("source", "web").append("ticket", 1)));
                MongoWriteException sameTicket = assertThrows(MongoWriteException.class, () -> complaints.insertOne(
                        new Document("_id", "LY20261128-000009").append("source", "hotline-12369").append("ticket", 7.0)));
                assertEquals(11000, sameId.getCode());
                assertEquals(11000, sameTicket.getCode(), "7 and 7.0 are one key, as in MongoDB");
                assertEquals(List.of("LY20261128-000001"), ids(complaints, and(eq("source", "hotline-12369"), eq("ticket", 7))));
                assertEquals(1, complaints.countDocuments(eq("ticket", 8)));
                complaints.insertOne(new Document("_id", "LY20261128-00000" + (2 + start)).append("source", "web").append("ticket", 7 + start));
            }
        }
    }

    private static void declareIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("state", "dueAt"));
        collection.createIndex(Indexes.ascending("dueAt"));
        collection.createIndex(Indexes.ascending("attempts"));
        collection.createIndex(Indexes.ascending("tags"));
        collection.createIndex(Indexes.ascending("outbox.notBefore"));
        collection.createIndex(Indexes.ascending("phoneHash", "sentAt"));
    }

    private void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        List<Bson> filters = new ArrayList<>(List.of(
                eq("state", "PENDING"), in("state", "SENT", "QUEUED"), eq("state", null), ne("state", "SENT"),
                and(eq("state", "PENDING"), lte("dueAt", date(0))), lt("dueAt", date(-100)), gte("dueAt", date(250)),
                and(gt("dueAt", date(-50)), lte("dueAt", date(50))), eq("dueAt", date(7)),
                eq("attempts", 2), gt("attempts", 1.5), lt("attempts", 3L), in("attempts", 0, 4),
                eq("tags", "smoke"), in("tags", "odour", "noise"),
                lte("outbox.notBefore", date(0)), eq("outbox.notBefore", null),
                and(eq("phoneHash", "h3"), gte("sentAt", date(-200))),
                or(eq("state", "PENDING"), lte("dueAt", date(0))), eq("_id", "m-17"), in("_id", "m-1", "m-2", "nope"),
                and(eq("_id", "m-5"), eq("state", "SENT"))));
        for (int i = 0; i < 60; i++) {
            filters.add(randomFilter());
        }
        int answered = 0;
        for (Bson filter : filters) {
            List<String> expected = ids(scanned, filter);
            assertEquals(expected, ids(indexed, filter), () -> "filter " + filter);
            answered += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(answered > filters.size() / 2, "most filters find documents, so the comparison means something");
    }

    private Bson randomFilter() {
        return switch (random.nextInt(6)) {
            case 0 -> eq("state", pick(STATES));
            case 1 -> and(eq("state", pick(STATES)), lte("dueAt", date(random.nextInt(1000) - 500)));
            case 2 -> and(gte("dueAt", date(random.nextInt(500) - 500)), lt("dueAt", date(random.nextInt(500))));
            case 3 -> in("attempts", random.nextInt(5), (long) random.nextInt(5), random.nextInt(5) + 0.0);
            case 4 -> lt("outbox.notBefore", date(random.nextInt(1000) - 500));
            default -> eq("tags", pick(List.of("smoke", "odour", "noise", "dust")));
        };
    }

    private List<Document> randomDocuments(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document d = new Document("_id", "m-" + i);
            if (random.nextInt(10) > 0) {
                d.append("state", random.nextInt(12) == 0 ? null : pick(STATES));
            }
            if (random.nextInt(10) > 1) {
                d.append("dueAt", date(random.nextInt(1000) - 500));
            }
            switch (random.nextInt(4)) {
                case 0 -> d.append("attempts", random.nextInt(5));
                case 1 -> d.append("attempts", (long) random.nextInt(5));
                case 2 -> d.append("attempts", random.nextInt(5) + 0.5 * random.nextInt(2));
                default -> { }
            }
            d.append("tags", List.of(pick(List.of("smoke", "odour")), pick(List.of("noise", "dust", "smoke"))));
            if (random.nextBoolean()) {
                d.append("outbox", List.of(new Document("notBefore", date(random.nextInt(1000) - 500)),
                        new Document("notBefore", date(random.nextInt(1000) - 500))));
            }
            d.append("phoneHash", "h" + random.nextInt(8)).append("sentAt", date(random.nextInt(1000) - 500));
            documents.add(d);
        }
        return documents;
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        Set<String> ids = new TreeSet<>();
        collection.find(filter).forEach(d -> ids.add(d.getString("_id")));
        return List.copyOf(ids);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Date date(int minutes) {
        return Date.from(T0.plusSeconds(60L * minutes));
    }
}
