package cn.luoyang.pollution.deploy.mongo.index;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A query sorted by an indexed field is answered from the index's order, reading only the
 * documents it returns, and its answer is the full scan's: same documents, same order.
 */
class SortedQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

    private final IndexingH2Backend backend = new IndexingH2Backend(MVStore.open(null));
    private final MongoServer server = new MongoServer(backend);
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + bound(server));
    private final Random random = new Random(20261128);

    private static int bound(MongoServer server) {
        return server.bind().getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSortedPollReadsOnlyTheDocumentsItReturns() {
        MongoCollection<Document> messages = client.getDatabase("notification").getCollection("messages");
        messages.createIndex(Indexes.ascending("dueAt"));
        List<Document> due = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            due.add(new Document("_id", "m-" + i).append("dueAt", minutes(-(i * 7919 % 5_000))).append("state", "QUEUED"));
        }
        messages.insertMany(due);

        long before = backend.documentsExamined();
        List<Document> first = messages.find(lte("dueAt", minutes(0))).sort(Sorts.ascending("dueAt")).limit(50).into(new ArrayList<>());
        long examined = backend.documentsExamined() - before;

        assertEquals(50, first.size());
        assertEquals(minutes(-4_999), first.get(0).getDate("dueAt"), "the oldest due message comes first");
        assertEquals(50, examined, "50 documents read for 50 returned");

        before = backend.documentsExamined();
        messages.find(lte("dueAt", minutes(0))).sort(Sorts.ascending("state")).limit(50).into(new ArrayList<>());
        assertEquals(5_000, backend.documentsExamined() - before, "sorted by another field: every candidate is read");

        messages.insertOne(new Document("_id", "m-array").append("dueAt", List.of(minutes(-9_000), minutes(9_000))));
        before = backend.documentsExamined();
        List<Document> withArray = messages.find(gte("dueAt", minutes(-4_999))).sort(Sorts.ascending("dueAt")).limit(1)
                .into(new ArrayList<>());
        assertEquals(5_001, backend.documentsExamined() - before, "once an array was indexed the order is not trusted");
        assertEquals("m-array", withArray.get(0).getString("_id"), "an array sorts by its smallest element, as in MongoDB");
    }

    @Test
    void sortedAndLimitedQueriesAnswerAsAFullScanDoes() {
        MongoCollection<Document> indexed = client.getDatabase("notification").getCollection("indexed");
        MongoCollection<Document> scanned = client.getDatabase("notification").getCollection("scanned");
        indexed.createIndex(Indexes.ascending("dueAt"));
        indexed.createIndex(Indexes.ascending("rank", "dueAt"));
        indexed.createIndex(Indexes.ascending("state"));
        indexed.createIndex(Indexes.ascending("slots"));
        List<Document> documents = documents(400);
        indexed.insertMany(documents);
        scanned.insertMany(documents);

        List<Bson> filters = List.of(lte("dueAt", minutes(0)), gte("dueAt", minutes(-100)),
                and(gte("dueAt", minutes(-300)), lt("dueAt", minutes(300))), in("dueAt", minutes(1), minutes(5), minutes(-7)),
                gte("rank", 10), in("rank", 3, 17.0, 250L), in("rank", 3, "b", "z"), eq("state", "QUEUED"),
                in("state", "SENT", "QUEUED"), gte("slots", 200), and(eq("state", "QUEUED"), lte("dueAt", minutes(50))));
        List<String> sortFields = List.of("dueAt", "rank", "state", "slots");
        int compared = 0;
        for (Bson filter : filters) {
            for (String field : sortFields) {
                for (Bson sort : List.of(Sorts.ascending(field), Sorts.descending(field))) {
                    for (int[] skipLimit : new int[][] {{0, 7}, {3, 5}, {0, 0}}) {
                        List<Object> expected = sortValues(scanned, filter, sort, skipLimit, field);
                        assertEquals(expected, sortValues(indexed, filter, sort, skipLimit, field),
                                () -> filter + " sorted " + sort + " skip/limit " + skipLimit[0] + "/" + skipLimit[1]);
                        compared += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(compared > 200, "most queries return documents, so the comparison means something: " + compared);
    }

    /**
     * The sorted field's values in answer order, and the id wherever the value is unique in the
     * collection (ties, such as documents without slots, may come in any order, as in MongoDB).
     */
    private static List<Object> sortValues(MongoCollection<Document> collection, Bson filter, Bson sort, int[] skipLimit,
                                           String field) {
        List<Object> values = new ArrayList<>();
        collection.find(filter).sort(sort).skip(skipLimit[0]).limit(skipLimit[1]).forEach(d -> {
            Object value = d.get(field);
            boolean unique = field.equals("dueAt") || field.equals("slots") && value != null;
            values.add(unique ? List.of(d.getString("_id"), String.valueOf(value)) : String.valueOf(value));
        });
        return values;
    }

    /**
     * Unique due dates (so the order is total), numeric ranks with ties and a few strings (two
     * types), four states, and for some documents an array of slots whose smallest and largest
     * elements are unique (MongoDB sorts an array by its smallest ascending, its largest descending).
     */
    private List<Document> documents(int count) {
        List<Integer> minutes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            minutes.add(i * 3 - 600);
        }
        Collections.shuffle(minutes, random);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document d = new Document("_id", "m-" + i).append("dueAt", minutes(minutes.get(i)));
            switch (i % 5) {
                case 0 -> d.append("rank", random.nextInt(30));
                case 1 -> d.append("rank", (long) random.nextInt(300));
                case 2 -> d.append("rank", random.nextInt(30) + 0.5);
                case 3 -> d.append("rank", List.of("a", "b", "z").get(random.nextInt(3)));
                default -> { }
            }
            d.append("state", List.of("QUEUED", "SENDING", "SENT", "FAILED").get(random.nextInt(4)));
            if (i % 3 == 0) {
                d.append("slots", List.of(i, 1_000 + i * 7 % 400)); // both the smallest and the largest unique
            }
            documents.add(d);
        }
        return documents;
    }

    private static Date minutes(int minutes) {
        return Date.from(T0.plusSeconds(60L * minutes));
    }
}
