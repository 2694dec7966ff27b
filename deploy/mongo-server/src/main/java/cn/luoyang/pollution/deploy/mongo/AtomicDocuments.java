package cn.luoyang.pollution.deploy.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * What MongoDB guarantees of every single-document write and the wire-protocol server alone does not: a write matches
 * and changes a document in one step, and a reader sees the document before or after it, never halfway. The server
 * (any of its backends) finds the documents a filter matches, then changes each in place field by field, with no
 * lock: two saves guarded by the same version ({@code {_id, version}}, the platform's optimistic lock) can both match
 * — a lost update, a history entry pushed twice — and a find running meanwhile can answer a document half changed.
 *
 * <p>This decorator of a backend runs each collection's writes (insert, update, delete, findAndModify and index
 * changes) one at a time, with no read of that collection in between; reads of a collection run together, and
 * answer a copy of what they found, taken before the next write to it may start (the server encodes its answers
 * after the command returns). Other commands pass through. Writes to different collections do not wait for each
 * other, as MongoDB's writes to different documents do not; an aggregation's {@code $lookup} of a second collection
 * is not covered (no service uses one).
 */
public final class AtomicDocuments implements MongoBackend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
            "createIndexes", "dropIndexes", "drop", "create");
    private static final Set<String> READS = Set.of("find", "getMore", "aggregate", "count", "distinct", "listIndexes");

    private final MongoBackend backend;
    private final Map<String, ReentrantReadWriteLock> collections = new ConcurrentHashMap<>();

    public AtomicDocuments(MongoBackend backend) {
        this.backend = backend;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        return guarded(message.getDatabaseName(), command, () -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return guarded(database, query, () -> backend.handleCommand(channel, database, command, query));
    }

    private Document guarded(String database, Document command, Supplier<Document> handler) {
        if (command.isEmpty()) {
            return handler.get();
        }
        String name = command.keySet().iterator().next();
        Object collection = "getMore".equals(name) ? command.get("collection") : command.get(name);
        boolean write = WRITES.contains(name);
        if (!(collection instanceof String) || !(write || READS.contains(name))) {
            return handler.get();
        }
        ReentrantReadWriteLock lock = collections.computeIfAbsent(database + "." + collection, key -> new ReentrantReadWriteLock());
        Lock held = write ? lock.writeLock() : lock.readLock();
        held.lock();
        try {
            Document answer = handler.get();
            return answer == null ? null : answer.cloneDeeply();
        } finally {
            held.unlock();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return backend.handleQuery(query); // the legacy OP_QUERY: the driver's handshake only
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
