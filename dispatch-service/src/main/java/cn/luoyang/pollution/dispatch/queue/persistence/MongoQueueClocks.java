package cn.luoyang.pollution.dispatch.queue.persistence;

import cn.luoyang.pollution.dispatch.queue.QueueClocks;
import cn.luoyang.pollution.dispatch.queue.QueueEscalation;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Escalations of the manual-queue clock in {@code queue_clocks}, {@code _id} = complaint id: the
 * claim is an insert, so of any number of instances exactly one takes a complaint. A takeover after
 * a crash is an update on condition of the stale {@code claimedAt} and a missing {@code publishedAt}.
 */
public class MongoQueueClocks implements QueueClocks {

    static final String COLLECTION = "queue_clocks";

    private final MongoTemplate mongo;

    public MongoQueueClocks(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("publishedAt", Sort.Direction.ASC).on("claimedAt", Sort.Direction.ASC));
    }

    @Override
    public Set<String> escalated(Collection<String> complaintIds) {
        Query query = Query.query(Criteria.where("_id").in(complaintIds));
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @Override
    public boolean claim(QueueEscalation escalation) {
        try {
            mongo.insert(Stored.of(escalation), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<QueueEscalation> unpublishedClaimedBefore(Instant at) {
        return mongo.find(Query.query(Criteria.where("publishedAt").is(null).and("claimedAt").lte(at)), Stored.class, COLLECTION)
                .stream().map(Stored::escalation).toList();
    }

    @Override
    public boolean reclaim(QueueEscalation stale, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(stale.complaintId()).and("publishedAt").is(null)
                        .and("claimedAt").is(stale.claimedAt())),
                new Update().set("claimedAt", at).set("escalation.claimedAt", at), COLLECTION).getModifiedCount() > 0;
    }

    @Override
    public void published(String complaintId, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(complaintId)),
                new Update().set("publishedAt", at).set("escalation.publishedAt", at), COLLECTION);
    }

    /** The escalation with its claim and publication times at the top level, for the queries. */
    record Stored(String id, QueueEscalation escalation, Instant claimedAt, Instant publishedAt) {
        static Stored of(QueueEscalation escalation) {
            return new Stored(escalation.complaintId(), escalation, escalation.claimedAt(), escalation.publishedAt());
        }
    }
}
