package cn.luoyang.pollution.systemtests.load;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Collects seeded documents per collection and writes them with unordered {@code insertMany} in
 * batches, on a few threads at once, so one collection's batch is encoded while another's is
 * stored. At most two batches per thread wait in line, which bounds the memory of a long seed.
 */
final class SeedWriter implements AutoCloseable {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoClient client;
    private final int batchSize;
    private final ExecutorService threads;
    private final Semaphore inFlight;
    private final Map<String, List<Document>> buffers = new HashMap<>();
    private final Map<String, AtomicLong> written = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong errorCount = new AtomicLong();

    SeedWriter(MongoClient client, int batchSize, int threads) {
        this.client = client;
        this.batchSize = batchSize;
        this.threads = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "store-seeder-writer");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(2 * threads);
    }

    void add(String database, String collection, Document doc) {
        String namespace = database + "." + collection;
        List<Document> buffer = buffers.computeIfAbsent(namespace, k -> new ArrayList<>(batchSize));
        buffer.add(doc);
        if (buffer.size() >= batchSize) {
            submit(namespace, buffer);
            buffers.put(namespace, new ArrayList<>(batchSize));
        }
    }

    private void submit(String namespace, List<Document> batch) {
        inFlight.acquireUninterruptibly();
        int dot = namespace.indexOf('.');
        MongoCollection<Document> collection = client.getDatabase(namespace.substring(0, dot)).getCollection(namespace.substring(dot + 1));
        threads.execute(() -> {
            try {
                collection.insertMany(batch, UNORDERED);
                count(namespace, batch.size());
            } catch (MongoBulkWriteException e) {
                count(namespace, e.getWriteResult().getInsertedCount());
                errorCount.addAndGet(e.getWriteErrors().size());
                e.getWriteErrors().stream().limit(3).forEach(w -> errors.add(namespace + ": " + w.getMessage()));
            } catch (RuntimeException e) {
                errorCount.addAndGet(batch.size());
                errors.add(namespace + ": " + e);
            } finally {
                inFlight.release();
            }
        });
    }

    private void count(String namespace, long n) {
        written.computeIfAbsent(namespace, k -> new AtomicLong()).addAndGet(n);
        total.addAndGet(n);
    }

    long written() {
        return total.get();
    }

    long errorCount() {
        return errorCount.get();
    }

    /** The first few write errors (three per failed batch at most). */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors.subList(0, Math.min(errors.size(), 20)));
        }
    }

    Map<String, Long> writtenByCollection() {
        Map<String, Long> result = new TreeMap<>();
        written.forEach((k, v) -> result.put(k, v.get()));
        return result;
    }

    /** Writes what is left in the buffers and waits for every batch. */
    @Override
    public void close() {
        buffers.forEach((namespace, buffer) -> {
            if (!buffer.isEmpty()) {
                submit(namespace, buffer);
            }
        });
        buffers.clear();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("seed writes did not finish within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
