package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

/**
 * The H2 file backend, with the indexes the services declare actually used: non-unique indexes
 * ({@link SecondaryIndex}) and {@code _id} conditions inside larger filters ({@link IdLookup}).
 * Without them every poller and every optimistic-locking save reads whole collections, which is
 * fatal with a million stored complaints. Unique indexes keep the server's rules but store their
 * keys as strings ({@link StringKeyedUniqueIndex}).
 */
public final class IndexingH2Backend extends H2Backend {

    private final LongAdder documentsExamined = new LongAdder();

    public IndexingH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Documents read by position (through an index or by {@code _id}) since the server started,
     * MongoDB's "documents examined" for the indexed paths; full collection scans are not counted.
     */
    public long documentsExamined() {
        return documentsExamined.sum();
    }

    /** Read through the backend at each call: the superclass constructor opens collections before this backend's fields are set. */
    private void documentRead() {
        documentsExamined.increment();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexingDatabase(databaseName);
    }

    /** Inner, so that the store is reachable while the superclass constructor opens the indexes. */
    private final class IndexingDatabase extends de.bwaldvogel.mongo.backend.h2.H2Database {

        IndexingDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            // the H2 backend's own name for an index map, so that dropping the index or the database removes it
            MVMap<String, Object> entries = getMvStore().openMap(indexMap(collectionName, "_index_", indexName),
                    new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
            return new SecondaryIndex(entries, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            String stockMap = indexMap(collectionName, "_index_", indexName);
            if (store.hasMap(stockMap)) {
                store.removeMap(stockMap); // a store written by the stock backend: the index is rebuilt below
            }
            MVMap<String, Object> positions = store.openMap(indexMap(collectionName, "_uindex_", indexName),
                    new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
            return new StringKeyedUniqueIndex(positions, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String map = indexMap(collection.getCollectionName(), "_uindex_", indexName);
            if (getMvStore().hasMap(map)) {
                getMvStore().removeMap(map);
            }
        }

        private String indexMap(String collectionName, String kind, String indexName) {
            return getFullCollectionNamespace(collectionName) + "." + kind + indexName;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the H2 backend's own map names, so that a store keeps opening with either backend
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            MongoCollection<Object> collection = new IndexingH2Collection(this, collectionName, options, getMvStore(), documents, meta,
                    getCursorRegistry(), IndexingH2Backend.this::documentRead);
            if ("_id".equals(options.getIdField())) {
                collection.addIndex(new IdLookup(documents));
            }
            return collection;
        }
    }
}
