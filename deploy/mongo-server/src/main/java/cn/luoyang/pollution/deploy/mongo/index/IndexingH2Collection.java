package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 collection, which reads candidates from an index in the index's order when the query is
 * sorted by the indexed field ({@link OrderedPositions}): the server's own path reads every
 * candidate and sorts them all before applying {@code limit}. It also counts the documents it
 * reads by position (MongoDB's "documents examined", for this backend's index paths).
 *
 * <p>A query reads at one store version and holds it ({@link MVStore#registerVersionUsage()}) until
 * its answer is complete: the background writer commits about once a second and may rewrite and
 * later free the chunks an unregistered long scan is still walking.
 */
final class IndexingH2Collection extends H2Collection {

    private final MVStore store;
    private final Runnable documentRead;

    IndexingH2Collection(MongoDatabase database, String name, CollectionOptions options, MVStore store,
                         MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors,
                         Runnable documentRead) {
        super(database, name, options, documents, meta, cursors);
        this.store = store;
        this.documentRead = documentRead;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        return atOneVersion(() -> super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
                                         int limit, int batchSize, Document fieldSelector) {
        return atOneVersion(() -> inIndexOrder(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    private QueryResult atOneVersion(Supplier<QueryResult> query) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return query.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    private QueryResult inIndexOrder(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
                                     int limit, int batchSize, Document fieldSelector) {
        if (positions instanceof OrderedPositions ordered) {
            List<Object> inOrder = ordered.sortedBy(orderBy);
            if (inOrder != null) {
                // a lazy stream with no comparator: matching stops once skip + limit documents matched
                return matchDocumentsFromStream(query, inOrder.stream().map(this::getDocument), numberToSkip, limit,
                        batchSize, null, fieldSelector);
            }
        }
        return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected Document getDocument(Object position) {
        documentRead.run();
        return super.getDocument(position);
    }
}
