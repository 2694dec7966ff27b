package cn.luoyang.pollution.dispatch.dispatching.persistence;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.kit.events.EventCodec;
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
import org.springframework.data.mongodb.core.query.Update;

/** Case files in the {@code cases} collection, {@code _id} = case id; one document per case, so each write is atomic.
 * A change is conditional on the file's {@code version} (optimistic, across instances); merges only {@code $addToSet}
 * into {@code complaintIds}, which a change never overwrites. The only query besides {@code _id} is by {@code status}
 * (the arbitration list), the first key of its index. A change's event goes into the file's outbox ({@link DispatchOutbox})
 * in the same update. */
public class MongoCaseFiles implements CaseFiles {

    public static final String COLLECTION = "cases";

    private final MongoTemplate mongo;
    private final DispatchOutbox outbox;

    public MongoCaseFiles(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new DispatchOutbox(codec);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC));
    }

    @Override
    public Optional<CaseFile> byId(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFile.class, COLLECTION));
    }

    @Override
    public boolean update(CaseFile file, Event announced) {
        Document fields = new Document();
        mongo.getConverter().write(file, fields);
        Update update = new Update().inc("version", 1);
        fields.forEach((name, value) -> {
            if (!name.equals("_id") && !name.equals("complaintIds") && !name.equals("version")) {
                update.set(name, value);
            }
        });
        // a file stored before versions were kept has none: it reads as version 0
        Criteria unchanged = file.version() == 0
                ? new Criteria().orOperator(Criteria.where("version").is(0L), Criteria.where("version").exists(false))
                : Criteria.where("version").is(file.version());
        return mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(file.id()), unchanged)),
                outbox.push(update, announced), COLLECTION).getMatchedCount() > 0;
    }

    @Override
    public void announce(String caseId, Event announced) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).andOperator(DispatchOutbox.notWaiting(announced))),
                outbox.push(new Update(), announced), COLLECTION);
    }

    @Override
    public boolean insert(CaseFile file) {
        try {
            mongo.insert(file, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean addComplaint(String caseId, String complaintId, Instant at) {
        // one update by _id ($addToSet is idempotent) instead of reading the file and replacing it
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
                new Update().addToSet("complaintIds", complaintId).set("updatedAt", at), CaseFile.class, COLLECTION).getMatchedCount() > 0;
    }

    @Override
    public List<CaseFile> withStatus(CaseStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name())).with(Sort.by("id")), CaseFile.class, COLLECTION);
    }
}
