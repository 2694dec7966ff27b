package cn.luoyang.pollution.deploy.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.luoyang.pollution.deploy.mongo.index.IndexingH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many connections at once on one document, over each backend the platform runs (the indexing H2 store of
 * {@code ./run} and the stock memory backend of the services' tests): a save guarded by the version it read
 * never overwrites another (each accepted save counted once), and no reader sees a document halfway through a
 * write. Without {@link AtomicDocuments}, on two cores, readers see half-written documents within a few hundred
 * writes on both backends; a save made from such a read (the new version, an old field) is the lost update the
 * first test looks for, rarer to catch.
 */
class AtomicDocumentsTest {

    static final int WRITERS = 6;
    static final int SAVES_EACH = 150;
    static final int FIELDS = 200;

    static Stream<Supplier<MongoBackend>> backends() {
        return Stream.of(() -> new IndexingH2Backend(new MVStore.Builder().open()), MemoryBackend::new);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aSaveGuardedByItsVersionIsAcceptedOnlyIfNoOtherCameFirst(Supplier<MongoBackend> backend) throws Exception {
        try (Running mongo = new Running(backend.get())) {
            MongoCollection<Document> cases = mongo.collection();
            // the version first and the count last: a write changing both passes all the other fields in between
            cases.insertOne(withFields(new Document("_id", "CASE-1").append("version", 1L), 0).append("merged", 0));
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(() -> {
                    int accepted = 0;
                    for (int i = 0; i < SAVES_EACH; i++) {
                        Document read = cases.find(Filters.eq("_id", "CASE-1")).first();
                        long version = read.getLong("version");
                        // the new value is computed from what was read, as an aggregate's save is
                        var result = cases.updateOne(Filters.and(Filters.eq("_id", "CASE-1"), Filters.eq("version", version)),
                                Updates.combine(Updates.set("merged", read.getInteger("merged") + 1), Updates.inc("version", 1L),
                                        Updates.set("history", read.getList("history", Integer.class))));
                        accepted += (int) result.getModifiedCount();
                    }
                    return accepted;
                });
            }

            int accepted = 0;
            for (Future<Integer> writer : mongo.all(writers)) {
                accepted += writer.get();
            }

            Document stored = cases.find(Filters.eq("_id", "CASE-1")).first();
            assertTrue(accepted > 0);
            assertEquals(accepted, stored.getInteger("merged"), "each accepted save counted once: no lost update");
            assertEquals(accepted + 1L, stored.getLong("version"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReaderSeesADocumentBeforeOrAfterAWriteNeverHalfway(Supplier<MongoBackend> backend) throws Exception {
        try (Running mongo = new Running(backend.get())) {
            MongoCollection<Document> cases = mongo.collection();
            cases.insertOne(withFields(new Document("_id", "CASE-2"), 0));
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Callable<Integer>> tasks = new ArrayList<>();
            tasks.add(() -> {
                for (int i = 1; i <= 600; i++) {
                    cases.updateOne(Filters.eq("_id", "CASE-2"), new Document("$set", withFields(new Document(), i)));
                }
                writing.set(false);
                return 0;
            });
            for (int r = 0; r < 3; r++) {
                tasks.add(() -> {
                    int torn = 0;
                    while (writing.get()) {
                        Document seen = cases.find(Filters.eq("_id", "CASE-2")).first();
                        if (seen.keySet().stream().filter(k -> k.startsWith("field")).map(seen::get).distinct().count() != 1) {
                            torn++;
                        }
                    }
                    return torn;
                });
            }

            int torn = 0;
            for (Future<Integer> task : mongo.all(tasks)) {
                torn += task.get();
            }

            assertEquals(0, torn, "documents read halfway through a write");
        }
    }

    /** A case-sized document: a write changes its fields one by one, which widens the window a reader can fall into. */
    static Document withFields(Document doc, int value) {
        for (int f = 0; f < FIELDS; f++) {
            doc.append("field" + f, value);
        }
        return doc.append("history", java.util.Collections.nCopies(FIELDS, value));
    }

    /** The decorated server on a free loopback port, one client (its pool serves the threads), and the threads. */
    private static final class Running implements AutoCloseable {

        private final MongoServer server;
        private final MongoClient client;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        Running(MongoBackend backend) {
            server = new MongoServer(new AtomicDocuments(backend));
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }

        MongoCollection<Document> collection() {
            return client.getDatabase("enforcement").getCollection("cases");
        }

        <T> List<Future<T>> all(List<Callable<T>> tasks) throws InterruptedException {
            return threads.invokeAll(tasks);
        }

        @Override
        public void close() {
            threads.shutdownNow();
            client.close();
            server.shutdownNow();
        }
    }
}
