package cn.luoyang.pollution.dispatch.dispatching.persistence;

import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Decisions in the {@code decisions} collection, {@code _id} = complaint id. The manual queue is
 * read by {@code outcome} equality, the first key of the {@code (outcome, decidedAt)} index; its
 * clock by {@code outcome} and a {@code decidedAt} range, both keys.
 */
public class MongoDecisions implements Decisions {

    static final String COLLECTION = "decisions";

    private final MongoTemplate mongo;

    public MongoDecisions(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("outcome", Sort.Direction.ASC).on("decidedAt", Sort.Direction.ASC));
    }

    @Override
    public Optional<DecisionRecord> byId(String complaintId) {
        return Optional.ofNullable(mongo.findById(complaintId, DecisionRecord.class, COLLECTION));
    }

    @Override
    public void save(DecisionRecord decision) {
        mongo.save(decision, COLLECTION);
    }

    @Override
    public boolean insert(DecisionRecord decision) {
        try {
            mongo.insert(decision, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean assign(DecisionRecord assigned) {
        Document replacement = new Document();
        mongo.getConverter().write(assigned, replacement);
        return mongo.getCollection(COLLECTION).replaceOne(new Document("_id", assigned.id()).append("outcome", Outcome.QUEUED.name()),
                replacement).getMatchedCount() > 0;
    }

    @Override
    public List<DecisionRecord> queued() {
        return mongo.find(Query.query(Criteria.where("outcome").is(Outcome.QUEUED.name()))
                .with(Sort.by("decidedAt")), DecisionRecord.class, COLLECTION);
    }

    @Override
    public List<DecisionRecord> queuedAtOrBefore(Instant at) {
        return mongo.find(Query.query(Criteria.where("outcome").is(Outcome.QUEUED.name()).and("decidedAt").lte(at))
                .with(Sort.by("decidedAt")), DecisionRecord.class, COLLECTION);
    }
}
