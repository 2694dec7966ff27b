package cn.luoyang.pollution.dispatch.dispatching.persistence;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.persistence.Versions;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Case files in the {@code cases} collection, {@code _id} = case id, mapped by {@link CaseFileDocuments}; one document per
 * case, so each write is atomic. A change is conditional on the file's {@code version} (the kit's {@link Versions}:
 * optimistic, across instances); merges only {@code $addToSet} into {@code complaintIds}, which a change never overwrites.
 * The only query besides {@code _id} is by {@code status} (the arbitration list), the first key of its index. A change's
 * event goes into the file's outbox ({@link DispatchOutbox}) in the same update. */
public class MongoCaseFiles implements CaseFiles {

    public static final String COLLECTION = "cases";
    /** What a change leaves as stored: the key, the merged complaints and the version (raised by {@link Versions}). */
    private static final Set<String> NOT_CHANGED = Set.of("_id", "complaintIds");

    private final MongoTemplate mongo;
    private final DispatchOutbox outbox;
    private final Versions versions;

    public MongoCaseFiles(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new DispatchOutbox(codec);
        this.versions = new Versions(mongo, COLLECTION);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC));
    }

    @Override
    public Optional<CaseFile> byId(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Document.class, COLLECTION)).map(CaseFileDocuments::caseFile);
    }

    @Override
    public boolean update(CaseFile file, Event announced) {
        Update update = new Update();
        CaseFileDocuments.document(file).forEach((name, value) -> {
            if (!NOT_CHANGED.contains(name)) {
                update.set(name, value);
            }
        });
        return versions.tryUpdate(file.id(), file.version(), outbox.push(update, announced));
    }

    @Override
    public void announce(String caseId, Event announced) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).andOperator(DispatchOutbox.notWaiting(announced))),
                outbox.push(new Update(), announced), COLLECTION);
    }

    @Override
    public boolean insert(CaseFile file) {
        return versions.tryInsert(CaseFileDocuments.document(file));
    }

    @Override
    public Set<String> insertAll(List<CaseFile> files) {
        Set<String> written = new LinkedHashSet<>();
        versions.tryInsertAll(files.stream().map(CaseFileDocuments::document).toList()).forEach(id -> written.add((String) id));
        return written;
    }

    @Override
    public boolean addComplaints(List<Join> joins, Instant at) {
        if (joins.isEmpty()) {
            return true;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        joins.forEach(j -> bulk.updateOne(Query.query(Criteria.where("_id").is(j.caseId())),
                new Update().addToSet("complaintIds", j.complaintId()).set("updatedAt", at)));
        return bulk.execute().getMatchedCount() == joins.size();
    }

    @Override
    public boolean addComplaint(String caseId, String complaintId, Instant at) {
        // one update by _id ($addToSet is idempotent) instead of reading the file and replacing it
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
                new Update().addToSet("complaintIds", complaintId).set("updatedAt", at), COLLECTION).getMatchedCount() > 0;
    }

    @Override
    public List<CaseFile> withStatus(CaseStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name())).with(Sort.by("_id")), Document.class, COLLECTION)
                .stream().map(CaseFileDocuments::caseFile).toList();
    }
}
