package cn.luoyang.pollution.dispatch.dispatching.persistence;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.persistence.BulkInserts;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
 * Decisions in the {@code decisions} collection, {@code _id} = complaint id, mapped by {@link DecisionDocuments}. The manual queue is
 * read by {@code outcome} equality, the first key of the {@code (outcome, decidedAt)} index; its
 * clock by {@code outcome} and a {@code decidedAt} range, both keys. Each decision carries its
 * event in its outbox ({@link DispatchOutbox}), written with it.
 */
public class MongoDecisions implements Decisions {

    public static final String COLLECTION = "decisions";

    private final MongoTemplate mongo;
    private final DispatchOutbox outbox;

    public MongoDecisions(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new DispatchOutbox(codec);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("outcome", Sort.Direction.ASC).on("decidedAt", Sort.Direction.ASC));
    }

    @Override
    public Optional<DecisionRecord> byId(String complaintId) {
        return Optional.ofNullable(mongo.findById(complaintId, Document.class, COLLECTION)).map(DecisionDocuments::decision);
    }

    @Override
    public void save(DecisionRecord decision, Event announced) {
        mongo.save(document(decision, announced), COLLECTION);
    }

    @Override
    public boolean insert(DecisionRecord decision, Event announced) {
        try {
            mongo.insert(document(decision, announced), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Set<String> insertAll(List<Announced> decisions) {
        List<Document> docs = decisions.stream().map(a -> document(a.decision(), a.event())).toList();
        Set<String> written = new LinkedHashSet<>();
        BulkInserts.absent(mongo, COLLECTION, docs).forEach(id -> written.add((String) id));
        return written;
    }

    @Override
    public void announce(String complaintId, Event announced) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(complaintId).andOperator(DispatchOutbox.notWaiting(announced))),
                outbox.push(new Update(), announced), COLLECTION);
    }

    /** Sets every field of the assignment (what it leaves null was null while queued) and adds its event, in one update. */
    @Override
    public boolean assign(DecisionRecord assigned, Event announced) {
        Update update = new Update();
        DecisionDocuments.document(assigned).forEach((name, value) -> {
            if (!name.equals("_id")) {
                update.set(name, value);
            }
        });
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(assigned.id()).and("outcome").is(Outcome.QUEUED.name())),
                outbox.push(update, announced), COLLECTION).getMatchedCount() > 0;
    }

    private Document document(DecisionRecord decision, Event announced) {
        Document doc = DecisionDocuments.document(decision);
        doc.put(Outbox.FIELD, outbox.documents(announced));
        return doc;
    }

    @Override
    public List<DecisionRecord> queued() {
        return mongo.find(Query.query(Criteria.where("outcome").is(Outcome.QUEUED.name()))
                .with(Sort.by("decidedAt")), Document.class, COLLECTION).stream().map(DecisionDocuments::decision).toList();
    }

    @Override
    public List<DecisionRecord> queuedAtOrBefore(Instant at) {
        return mongo.find(Query.query(Criteria.where("outcome").is(Outcome.QUEUED.name()).and("decidedAt").lte(at))
                .with(Sort.by("decidedAt")), Document.class, COLLECTION).stream().map(DecisionDocuments::decision).toList();
    }
}
