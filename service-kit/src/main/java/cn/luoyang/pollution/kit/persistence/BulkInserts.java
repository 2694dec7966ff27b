package cn.luoyang.pollution.kit.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts the documents of a batch in one round trip (an unordered bulk write): those whose {@code _id}
 * is taken are left as stored, the others are written. Answers which ids were written, so a store can
 * tell a redelivery from a first delivery without a read, as a single insert does.
 */
public final class BulkInserts {

    private static final int DUPLICATE_KEY = 11000;

    private BulkInserts() {
    }

    /** @return the {@code _id}s written, in the documents' order; any failure other than a taken {@code _id} is thrown */
    public static Set<Object> absent(MongoTemplate mongo, String collection, List<Document> docs) {
        Set<Object> written = new LinkedHashSet<>();
        if (docs.isEmpty()) {
            return written;
        }
        docs.forEach(doc -> written.add(doc.get("_id")));
        try {
            mongo.getCollection(collection).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                written.remove(docs.get(error.getIndex()).get("_id"));
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
        return written;
    }
}
