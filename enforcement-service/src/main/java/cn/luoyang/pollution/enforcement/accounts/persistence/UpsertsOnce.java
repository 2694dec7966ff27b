package cn.luoyang.pollution.enforcement.accounts.persistence;

import com.mongodb.bulk.BulkWriteError;
import java.util.List;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

/**
 * Upserts by {@code _id}, each conditioned on what it must not find (an account that arrived, a note with its id),
 * sent as one unordered bulk write. An upsert whose condition fails on an existing document tries to insert its
 * {@code _id} and is refused (duplicate key): kept before. The same refusal meets an upsert that lost a race to
 * create the document (the account and a note of one complaint, or two replicas, at once), so the refused ones are
 * sent once more: the document exists by then, and its condition alone decides (applied, or refused again: kept
 * before). Any other error fails the write; every upsert is idempotent, so the caller may send all of them again.
 */
final class UpsertsOnce {

    private static final int DUPLICATE_KEY = 11000;

    private UpsertsOnce() {
    }

    static void run(MongoTemplate mongo, String collection, List<Pair<Query, Update>> upserts) {
        List<Pair<Query, Update>> refused = refusedOf(mongo, collection, upserts);
        if (!refused.isEmpty()) {
            refusedOf(mongo, collection, refused);
        }
    }

    /** The upserts the store refused on an existing {@code _id}; any other failure propagates. */
    private static List<Pair<Query, Update>> refusedOf(MongoTemplate mongo, String collection,
            List<Pair<Query, Update>> upserts) {
        if (upserts.isEmpty()) {
            return List.of();
        }
        try {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            upserts.forEach(u -> bulk.upsert(u.getFirst(), u.getSecond()));
            bulk.execute();
            return List.of();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            return e.getErrors().stream().map(BulkWriteError::getIndex).sorted().map(upserts::get).toList();
        }
    }
}
