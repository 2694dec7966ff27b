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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code callbacks}: one document per {@code callback.completed.v1} ({@code _id} = its event id, so a
 * redelivered or second copy is refused by the key), read by the end time's index for a period.
 */
public class MongoCallbacks implements Callbacks {

    static final String COLLECTION = "callbacks";

    private final MongoTemplate mongo;

    public MongoCallbacks(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("at", Sort.Direction.ASC).named("callbacks_at"));
    }

    @Override
    public boolean record(Callback c) {
        try {
            mongo.insert(new Document("_id", c.eventId()).append("caseId", c.caseId()).append("complaintId", c.complaintId())
                    .append("milestone", c.milestone()).append("outcome", c.outcome().name()).append("at", Date.from(c.at())),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
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
