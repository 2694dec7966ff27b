package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;

/**
 * Answers any filter with an {@code _id} condition at top level (or in a top-level {@code $and}) straight from the collection's
 * own map (the H2 backend keys documents by {@code _id}). The server's {@code _id} index serves a
 * filter only when {@code _id} is its <em>only</em> field, so {@code {_id: …, version: 3}} (every
 * optimistic-locking save) used to read the whole collection. It stores nothing.
 */
final class IdLookup extends Index<Object> {

    static final String NAME = "_id_lookup_";

    private final MVMap<Object, Document> documents;

    IdLookup(MVMap<Object, Document> documents) {
        super(NAME, List.of(new IndexKey("_id", true)), false);
        this.documents = documents;
    }

    @Override
    public boolean canHandle(Document query) {
        return ids(query) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        List<Object> found = new ArrayList<>();
        for (Object id : ids(query)) {
            if (documents.containsKey(id)) {
                found.add(id);
            }
        }
        return found;
    }

    /** The ids the filter names by equality or {@code $in}, or null when it names none this way. */
    private static Collection<?> ids(Document query) {
        for (Object condition : Conjuncts.on(query, "_id")) {
            Collection<?> ids = ids(condition);
            if (ids != null) {
                return ids;
            }
        }
        return null;
    }

    private static Collection<?> ids(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(IdLookup::exact)) {
                return values;
            }
            return operators.size() == 1 && exact(operators.get("$eq")) ? List.of(operators.get("$eq")) : null;
        }
        return exact(condition) ? List.of(condition) : null;
    }

    /** Ids whose equality is their Java equality (numbers are not: 5 and 5L are the same _id). */
    private static boolean exact(Object id) {
        return id instanceof String || id instanceof ObjectId || id instanceof UUID;
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public Object remove(Document document) {
        return Missing.ofNullable(document.get("_id"));
    }

    @Override
    public boolean isEmpty() {
        return false; // nothing to build when the collection is opened
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
    }
}
