package cn.luoyang.pollution.kit.persistence;

import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Optimistic locking (乐观锁) of one collection's documents, the one way every service does it: each
 * document carries a version number ({@code version}, or a field the store names, e.g.
 * {@code progress.version}). An insert stores version 1; an update is one {@code updateFirst}
 * conditioned on {@code {_id, version}} as the aggregate was read, with {@code $inc} of the version
 * added to the store's own update (which may also carry {@code Outbox.push} entries: they are written
 * only with the change). Version 0 is an aggregate never stored, or a document stored before it had
 * a version: an update expecting 0 matches a version 0 or none.
 *
 * <p>Each write has two forms: {@code tryInsert}/{@code tryUpdate} answer false when another write
 * came first; {@code insert}/{@code update} throw {@link ConcurrentUpdate} instead.
 */
public final class Versions {

    /** The version field unless a store names another. */
    public static final String FIELD = "version";

    private final MongoTemplate mongo;
    private final String collection;
    private final String field;

    public Versions(MongoTemplate mongo, String collection) {
        this(mongo, collection, FIELD);
    }

    /** @param field the version's path in the document, dotted when it sits in an embedded document */
    public Versions(MongoTemplate mongo, String collection, String field) {
        this.mongo = mongo;
        this.collection = collection;
        this.field = field;
    }

    /** The version of a stored document; 0 when it has none. */
    public long of(Document stored) {
        Number version = stored.getEmbedded(path(), Number.class);
        return version == null ? 0 : version.longValue();
    }

    /** Inserts {@code doc} at version 1 (set here); false, with nothing written, when its {@code _id} is taken. */
    public boolean tryInsert(Document doc) {
        atFirstVersion(doc);
        try {
            mongo.insert(doc, collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void atFirstVersion(Document doc) {
        Document holder = doc;
        List<String> path = path();
        for (String key : path.subList(0, path.size() - 1)) {
            holder = holder.get(key, Document.class);
        }
        holder.put(path.get(path.size() - 1), 1L);
    }

    /** {@link #tryInsert} for a batch in one round trip ({@link BulkInserts}): the {@code _id}s written. */
    public java.util.Set<Object> tryInsertAll(List<Document> docs) {
        docs.forEach(this::atFirstVersion);
        return BulkInserts.absent(mongo, collection, docs);
    }

    /** {@link #tryInsert}, throwing {@link ConcurrentUpdate} when the {@code _id} is taken; returns the version stored, 1. */
    public long insert(Document doc) {
        if (!tryInsert(doc)) {
            throw new ConcurrentUpdate(collection, doc.get("_id"));
        }
        return 1;
    }

    /**
     * Applies {@code update}, with the version raised by one, to document {@code id} if it is still at
     * {@code expected}; false, with nothing written, when it is not (or is gone).
     */
    public boolean tryUpdate(Object id, long expected, Update update) {
        // _id stays a top-level condition, which every server (the embedded one too) serves from its index
        Criteria unchanged = expected == 0
                ? Criteria.where("_id").is(id).orOperator(Criteria.where(field).is(0L), Criteria.where(field).exists(false))
                : Criteria.where("_id").is(id).and(field).is(expected);
        Query query = Query.query(unchanged);
        return mongo.updateFirst(query, update.inc(field, 1), collection).getMatchedCount() > 0;
    }

    /** {@link #tryUpdate}, throwing {@link ConcurrentUpdate} when the document moved on; returns the version stored. */
    public long update(Object id, long expected, Update update) {
        if (!tryUpdate(id, expected, update)) {
            throw new ConcurrentUpdate(collection, id);
        }
        return expected + 1;
    }

    private List<String> path() {
        return Arrays.asList(field.split("\\."));
    }
}
