package cn.luoyang.pollution.complaint.tracking.persistence;

import cn.luoyang.pollution.complaint.tracking.FailedLookups;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@code lookup_failures}: one document per tracking number with wrong digits, {@code {_id, failures,
 * since}}, counted atomically so that every instance sees the same count; a TTL index removes a
 * count once its window is long past.
 */
public class MongoFailedLookups implements FailedLookups {

    static final String COLLECTION = "lookup_failures";
    private final MongoTemplate mongo;

    public MongoFailedLookups(MongoTemplate mongo, Duration keep) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("since", Sort.Direction.ASC).expire(keep.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public void record(String trackingNumber, Instant now, Instant since) {
        Query current = Query.query(Criteria.where("_id").is(trackingNumber).and("since").gte(Date.from(since)));
        if (mongo.findAndModify(current, new Update().inc("failures", 1), FindAndModifyOptions.none(), Document.class,
                COLLECTION) != null) {
            return;
        }
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(trackingNumber).and("since").lt(Date.from(since))),
                    new Update().set("failures", 1).set("since", Date.from(now)), COLLECTION);
        } catch (DuplicateKeyException raced) {
            // another instance started the count in the same instant: count this failure in it
            mongo.updateFirst(Query.query(Criteria.where("_id").is(trackingNumber)), new Update().inc("failures", 1), COLLECTION);
        }
    }

    @Override
    public int since(String trackingNumber, Instant since) {
        Document count = mongo.findOne(Query.query(Criteria.where("_id").is(trackingNumber).and("since").gte(Date.from(since))),
                Document.class, COLLECTION);
        return count == null ? 0 : count.getInteger("failures", 0);
    }
}
