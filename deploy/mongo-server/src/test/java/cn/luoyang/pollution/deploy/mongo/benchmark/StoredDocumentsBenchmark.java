package cn.luoyang.pollution.deploy.mongo.benchmark;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import cn.luoyang.pollution.deploy.mongo.index.IndexingH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What one stored document more costs the two queries every service runs all the time: a
 * versioned save ({@code update {_id, version}}) and a poller ({@code {state: PENDING, dueAt ≤ now}}
 * sorted, limit 50; and the same poll on a field only waiting documents carry, in that field's
 * index order), on the stock H2 backend and on {@link IndexingH2Backend}, with 1,000 and
 * 100,000 documents stored (1 % of them pending). The server runs in the benchmark's JVM on an
 * in-memory store, reached over loopback with the official driver.
 *
 * <p>Run: {@code ./mvnw -pl deploy/mongo-server test-compile exec:exec} (never part of verify).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoredDocumentsBenchmark {

    @Param({"stock", "indexing"})
    public String backend;

    @Param({"1000", "100000"})
    public int stored;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> messages;

    @Setup(Level.Trial)
    public void fill() {
        MVStore store = MVStore.open(null);
        server = new MongoServer("stock".equals(backend) ? new H2Backend(store) : new IndexingH2Backend(store));
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
        messages = client.getDatabase("notification").getCollection("messages");
        messages.createIndex(Indexes.ascending("state", "dueAt"));
        messages.createIndex(Indexes.ascending("nextAttemptAt"), new IndexOptions().sparse(true));
        long now = System.currentTimeMillis();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            boolean pending = i % 100 == 0;
            Document message = new Document("_id", "m-" + i).append("version", 0L)
                    .append("state", pending ? "PENDING" : "SENT")
                    .append("dueAt", new Date(now - (pending ? 1000 : 86_400_000L)))
                    .append("text", "您反映的问题已受理, 受理编号 LY20261128-" + i);
            if (pending) {
                message.append("nextAttemptAt", new Date(now - 1000 - i)); // present only while waiting
            }
            batch.add(message);
            if (batch.size() == 1000) {
                messages.insertMany(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            messages.insertMany(batch);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.shutdownNow();
    }

    @Benchmark
    public long versionedSave() {
        String id = "m-" + ThreadLocalRandom.current().nextInt(stored);
        Document current = messages.find(eq("_id", id)).first();
        long version = current.getLong("version");
        return messages.updateOne(and(eq("_id", id), eq("version", version)),
                Updates.combine(Updates.set("text", "已办结"), Updates.inc("version", 1L))).getModifiedCount();
    }

    @Benchmark
    public int pollDue() {
        List<Document> due = new ArrayList<>();
        messages.find(and(eq("state", "PENDING"), lte("dueAt", new Date()))).sort(Sorts.ascending("dueAt")).limit(50)
                .into(due);
        return due.size();
    }

    /**
     * The same poll as notification-service sends it since the due index: a range on a field only
     * waiting messages carry, sorted by it. The indexing backend reads the 50 it returns.
     */
    @Benchmark
    public int pollDueInIndexOrder() {
        List<Document> due = new ArrayList<>();
        messages.find(lte("nextAttemptAt", new Date())).sort(Sorts.ascending("nextAttemptAt")).limit(50).into(due);
        return due.size();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(StoredDocumentsBenchmark.class.getSimpleName()).build()).run();
    }
}
