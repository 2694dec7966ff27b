package cn.luoyang.pollution.enforcement.statistics.persistence;

import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.enforcement.statistics.Callback;
import cn.luoyang.pollution.enforcement.statistics.Callbacks;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code callbacks}: one document per {@code callback.completed.v1} ({@code _id} = its event id, so a
 * redelivered or second copy is refused by the key; a batch is one unordered bulk insert), read by the end time's index for a period.
 */
public class MongoCallbacks implements Callbacks {

    static final String COLLECTION = "callbacks";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public MongoCallbacks(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("at", Sort.Direction.ASC).named("callbacks_at"));
    }

    @Override
    public boolean record(Callback c) {
        try {
            mongo.insert(document(c), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** One unordered bulk insert: a callback kept before is refused by its key, the others are inserted all the same. */
    @Override
    public void recordAll(List<Callback> callbacks) {
        if (callbacks.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(callbacks.stream().map(MongoCallbacks::document).toList())
                    .execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static Document document(Callback c) {
        return new Document("_id", c.eventId()).append("caseId", c.caseId()).append("complaintId", c.complaintId())
                .append("milestone", c.milestone()).append("outcome", c.outcome().name()).append("at", Date.from(c.at()));
    }

    @Override
    public List<Callback> endedBetween(Instant from, Instant to) {
        Query q = Query.query(Criteria.where("at").gte(Date.from(from)).lt(Date.from(to))).with(Sort.by("at"));
        return mongo.find(q, Document.class, COLLECTION).stream()
                .map(d -> new Callback(d.getString("_id"), d.getString("caseId"), d.getString("complaintId"),
                        d.getString("milestone"), CallbackOutcome.valueOf(d.getString("outcome")), d.getDate("at").toInstant()))
                .toList();
    }
}
