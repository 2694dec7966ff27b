package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.h2.mvstore.MVMap;

/**
 * The stock unique index (the {@code _id} index included) with its keys stored as strings
 * ({@link UniqueKeys}). The rules are the server's own ({@link AbstractUniqueIndex}); only the map
 * differs. A regular expression on the key is left to the scan, since the strings are not the values.
 */
final class StringKeyedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<String, Object> positions;

    StringKeyedUniqueIndex(MVMap<String, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        for (String key : keys()) {
            Object condition = query.get(key);
            if (condition instanceof Pattern || BsonRegularExpression.isRegularExpression(condition)) {
                return false;
            }
        }
        return super.canHandle(query);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return positions.remove(UniqueKeys.encode(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return positions.putIfAbsent(UniqueKeys.encode(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        throw new UnsupportedOperationException("regular expressions on " + getName() + " are answered by a scan");
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(UniqueKeys.encode(keyValue));
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
