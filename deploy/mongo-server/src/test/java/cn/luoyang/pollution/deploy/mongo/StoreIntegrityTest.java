package cn.luoyang.pollution.deploy.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store keeps every document it acknowledged: fills the embedded server through the wire
 * protocol with the official driver (complaint-like documents in batches of 1,000, a secondary index,
 * and updates of earlier documents so that the store has garbage to compact, as the services'
 * status changes give it), restarts the server half-way and at the end, and after each restart reads
 * every document written so far back by {@code _id} and compares it field by field.
 *
 * <p>In {@code verify} it writes 10,000 documents (a few seconds). The 2,100,000-document run, past the 1.5 million
 * where an earlier store lost chunks, is {@code ./mvnw -pl deploy/mongo-server -Pstore-integrity test}
 * (24 minutes on two shared cores; its result is in this module's BENCHMARKS.md). Properties:
 * {@code store.integrity.documents}, {@code store.integrity.dir} (a directory kept after the run
 * instead of a temporary one).
 */
class StoreIntegrityTest {

    private static final int BATCH = 1_000;
    /** Ids per read: the server matches every found document against the whole {@code $in} list. */
    private static final int READ = 100;
    /** A batch's documents ending in 0 are updated once this many batches later. */
    private static final int UPDATE_LAG = 5;
    private static final long FIRST_SUBMISSION = 1_796_000_000_000L;
    private static final String[] DISTRICTS = {"老城区", "西工区", "瀍河区", "涧西区", "洛龙区", "偃师区", "孟津区", "新安县", "宜阳县"};

    @TempDir
    Path temporary;

    @Test
    void everyAcknowledgedDocumentIsReadBackAfterEachRestart() {
        int documents = Integer.getInteger("store.integrity.documents", 10_000);
        String keptDir = System.getProperty("store.integrity.dir", "");
        Path dataDir = keptDir.isBlank() ? temporary : Path.of(keptDir);
        int batches = (documents + BATCH - 1) / BATCH;
        int restartAfter = batches / 2;
        long started = System.nanoTime();

        int restarts = 0;
        int written = 0;
        int nextBatch = 0;
        for (int stopAt : new int[] {restartAfter, batches}) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> complaints = complaints(client);
                complaints.createIndex(Indexes.ascending("batch"));
                for (; nextBatch < stopAt; nextBatch++) {
                    written = writeBatch(complaints, nextBatch, documents);
                    if ((nextBatch + 1) % 100 == 0) {
                        progress("written", written, started, dataDir);
                    }
                }
            }
            restarts++;
            progress("restart " + restarts + ", reading back", written, started, dataDir);
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> complaints = complaints(client);
                // the collection map's own size ("count" without a filter); countDocuments would aggregate every document in memory
                assertEquals(written, complaints.estimatedDocumentCount(), "documents stored after restart " + restarts);
                readBack(complaints, written, nextBatch - 1, started, dataDir);
            }
            progress("restart " + restarts + ", all read back", written, started, dataDir);
        }
        System.out.printf("store-integrity: PASSED documents=%d restarts=%d seconds=%d fileBytes=%d%n",
                written, restarts, (System.nanoTime() - started) / 1_000_000_000L, fileBytes(dataDir));
        assertTrue(written >= documents);
    }

    /** Inserts batch {@code b}, then updates the tenth documents of batch {@code b - UPDATE_LAG}; returns the documents written. */
    private static int writeBatch(MongoCollection<Document> complaints, int b, int documents) {
        int first = b * BATCH;
        int end = Math.min(first + BATCH, documents);
        List<Document> inserts = new ArrayList<>(end - first);
        for (int i = first; i < end; i++) {
            inserts.add(expected(i, b));
        }
        complaints.insertMany(inserts);
        if (b >= UPDATE_LAG) {
            complaints.updateMany(Filters.and(Filters.eq("batch", b - UPDATE_LAG), Filters.eq("tenth", true)),
                    Updates.combine(Updates.set("status", "CLOSED"), Updates.inc("version", 1)));
        }
        return end;
    }

    private static void readBack(MongoCollection<Document> complaints, int written, int lastBatch, long started, Path dataDir) {
        for (int first = 0; first < written; first += READ) {
            int end = Math.min(first + READ, written);
            List<String> ids = new ArrayList<>(READ);
            for (int i = first; i < end; i++) {
                ids.add(id(i));
            }
            Map<String, Document> found = new HashMap<>();
            complaints.find(Filters.in("_id", ids)).batchSize(READ + 1).forEach(d -> found.put(d.getString("_id"), d));
            for (int i = first; i < end; i++) {
                assertEquals(expected(i, lastBatch), found.get(id(i)), "complaint " + id(i));
            }
            if (end % 200_000 == 0) {
                progress("read back", end, started, dataDir);
            }
        }
    }

    /** Document {@code i} as it must be once batch {@code lastBatch} was written. */
    static Document expected(int i, int lastBatch) {
        int batch = i / BATCH;
        boolean tenth = i % 10 == 0;
        boolean updated = tenth && batch + UPDATE_LAG <= lastBatch;
        return new Document("_id", id(i))
                .append("batch", batch)
                .append("tenth", tenth)
                .append("seq", (long) i)
                .append("status", updated ? "CLOSED" : "RECEIVED")
                .append("version", updated ? 1 : 0)
                .append("district", DISTRICTS[i % DISTRICTS.length])
                .append("reporterHash", Long.toHexString(i * 0x9E3779B97F4A7C15L))
                .append("location", new Document("type", "Point")
                        .append("coordinates", List.of(112.3 + (i % 1_000) / 10_000.0, 34.6 + (i % 997) / 10_000.0)))
                .append("description", description(i))
                .append("submittedAt", new Date(FIRST_SUBMISSION + i * 1_000L));
    }

    private static String description(int i) {
        StringBuilder text = new StringBuilder(400);
        while (text.length() < 360) {
            text.append("工厂夜间排放黑烟，气味刺鼻 #").append(i).append(' ');
        }
        return text.toString();
    }

    private static String id(int i) {
        return String.format("LY-IT-%08d", i);
    }

    private static MongoCollection<Document> complaints(MongoClient client) {
        return client.getDatabase("integrity").getCollection("complaints");
    }

    private static void progress(String what, int documents, long started, Path dataDir) {
        System.out.printf("store-integrity: %s %,d documents at %d s, file %,d bytes%n",
                what, documents, (System.nanoTime() - started) / 1_000_000_000L, fileBytes(dataDir));
    }

    private static long fileBytes(Path dataDir) {
        try {
            Path file = dataDir.resolve(EmbeddedMongoServer.STORE_FILE);
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
