package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index for the embedded server, which otherwise ignores every index that is not
 * unique and answers such queries by reading the whole collection.
 *
 * <p>It indexes the index's <em>first</em> key only, in an H2 map (so it lives in the same store
 * file and is committed together with the documents) keyed by {@code value ␀ position}. A query
 * is served when its filter has, at top level or in a top-level {@code $and}, a condition on that
 * key that is a plain value, {@code $eq}, {@code $in}, or a range of numbers or dates. The index
 * only narrows the candidates: the server still matches every candidate against the whole filter,
 * so a candidate too many is harmless and the answers are exactly the full scan's.
 *
 * <p>The candidates come out in the order of the key's values ({@link OrderedPositions}), so a
 * query sorted by that key reads only the documents it returns, unless a document ever held an
 * array there: MongoDB sorts an array by its smallest element, which need not be the element the
 * index met first. A mark in the map records that no array was ever indexed; a map written before
 * the mark existed has none and is read as unordered.
 */
public final class SecondaryIndex extends Index<Object> {

    /** Sorts before every encoded value, so no key range ever contains it. */
    private static final String NO_ARRAYS_MARK = IndexValues.SEPARATOR + "no-arrays";

    private final MVMap<String, Object> entries;
    private final String field;
    /** Mirrors the mark in the map. */
    private volatile boolean noArrays;
    /**
     * The last document checked and the last filter asked about, with what was computed for them:
     * the server calls checkAdd then add for one document, canHandle then getPositions for one
     * filter, under the collection's lock. Compared by identity: an equal but different document
     * or filter is computed afresh.
     */
    private Document checked;
    private Set<String> checkedValues;
    private Document askedQuery;
    private IndexedCondition askedCondition;

    SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
        this.field = keys.get(0).getKey();
        if (entries.isEmpty()) {
            entries.put(NO_ARRAYS_MARK, Boolean.TRUE);
        }
        this.noArrays = entries.containsKey(NO_ARRAYS_MARK);
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: a value does not name one document
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        // refuses parallel arrays in a compound index before the document is stored; the server
        // calls add for the same document right after storing it, which reuses the values
        checked = document;
        checkedValues = values(document);
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Set<String> values = document == checked ? checkedValues : values(document);
        checked = null;
        checkedValues = null;
        String at = IndexValues.position(position);
        for (String value : values) {
            entries.put(value + IndexValues.SEPARATOR + at, position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = Missing.ofNullable(document.get("_id"));
        String at = IndexValues.position(position);
        for (String value : values(document)) {
            entries.remove(value + IndexValues.SEPARATOR + at);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // no constraint to check
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        Set<String> before = values(oldDocument);
        Set<String> after = values(newDocument);
        if (before.equals(after)) {
            return;
        }
        String at = IndexValues.position(position);
        for (String value : before) {
            if (!after.contains(value)) {
                entries.remove(value + IndexValues.SEPARATOR + at);
            }
        }
        for (String value : after) {
            if (!before.contains(value)) {
                entries.put(value + IndexValues.SEPARATOR + at, position);
            }
        }
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        // the server asks getPositions for the same filter right after: it reuses the condition
        IndexedCondition condition = conditionIn(query);
        askedQuery = query;
        askedCondition = condition;
        return condition != null;
    }

    /** {@link #conditionIn}, as computed by the canHandle just before for the same filter. */
    private IndexedCondition condition(Document query) {
        return query == askedQuery ? askedCondition : conditionIn(query);
    }

    /** The first condition on the indexed field, among the filter's conjuncts, that the index can answer. */
    private IndexedCondition conditionIn(Document query) {
        for (Object condition : Conjuncts.on(query, field)) {
            IndexedCondition answerable = IndexedCondition.of(condition, true);
            if (answerable != null) {
                return answerable;
            }
        }
        return null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        IndexedCondition condition = condition(query);
        askedQuery = null;
        askedCondition = null;
        if (condition == null) {
            throw new IllegalStateException("index " + getName() + " cannot answer " + query);
        }
        List<IndexedCondition.KeyRange> ranges = new ArrayList<>(condition.ranges());
        ranges.sort(Comparator.comparing(IndexedCondition.KeyRange::from));
        Set<Object> positions = new LinkedHashSet<>();
        for (IndexedCondition.KeyRange range : ranges) {
            collect(range, positions);
        }
        List<Object> ascending = new ArrayList<>(positions);
        return inValueOrder(ranges) ? new OrderedPositions(field, ascending) : ascending;
    }

    /**
     * Whether the positions collected from these ranges are in the order MongoDB sorts the key by:
     * no array was ever indexed, and the ranges (in ascending order, disjoint) stay within one
     * type, whose encoding sorts as MongoDB does (across types the encodings' order is not MongoDB's).
     */
    private boolean inValueOrder(List<IndexedCondition.KeyRange> ranges) {
        return noArrays && ranges.stream().map(r -> IndexValues.typePrefix(r.from())).distinct().count() == 1;
    }

    private synchronized void forgetOrder() {
        if (noArrays) {
            noArrays = false;
            entries.remove(NO_ARRAYS_MARK);
        }
    }

    private void collect(IndexedCondition.KeyRange range, Set<Object> positions) {
        Cursor<String, Object> cursor = entries.cursor(range.from());
        while (cursor.hasNext()) {
            String key = cursor.next();
            if (key.compareTo(range.to()) >= 0) {
                return;
            }
            positions.add(cursor.getValue());
        }
    }

    /**
     * The encoded values of the first key in a document: one per array element, none when absent.
     * Meeting an array removes the no-arrays mark (also for a document about to be refused or
     * removed: the mark can only be lost too early, never kept too long).
     */
    private Set<String> values(Document document) {
        Set<String> encoded = new LinkedHashSet<>();
        Set<KeyValue> keyValues = getKeyValues(document);
        if (keyValues.size() > 1) {
            forgetOrder(); // the server expands an array into one key value per element
        }
        for (KeyValue keyValue : keyValues) {
            Object value = keyValue.get(0);
            if (value instanceof Collection<?> elements) {
                forgetOrder();
                elements.forEach(e -> IndexValues.encode(e).ifPresent(encoded::add));
            } else {
                IndexValues.encode(value).ifPresent(encoded::add);
            }
        }
        return encoded;
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong() - (noArrays ? 1 : 0);
    }

    @Override
    public boolean isEmpty() {
        return getCount() == 0;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized void drop() {
        noArrays = false;
        entries.clear();
    }

    @Override
    public boolean isUnique() {
        return false;
    }
}
