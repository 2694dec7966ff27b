package cn.luoyang.pollution.complaint.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.Complaints;
import cn.luoyang.pollution.complaint.notes.ReporterNote;
import cn.luoyang.pollution.complaint.notes.ReporterNotes;
import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.publication.Publications;
import cn.luoyang.pollution.complaint.tracking.Progress;
import cn.luoyang.pollution.complaint.tracking.ProgressStore;
import cn.luoyang.pollution.complaint.tracking.RatingStore;
import cn.luoyang.pollution.complaint.tracking.Tracked;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.kit.persistence.BulkInserts;
import cn.luoyang.pollution.kit.persistence.Fields;
import cn.luoyang.pollution.kit.persistence.Versions;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code complaints} collection behind intake and tracking, mapped by {@link ComplaintDocuments}; a
 * tracking change is conditioned on the progress's version (the kit's {@link Versions}); each complaint carries its own
 * {@link Outbox}, which the kit's {@code OutboxRelay} on this collection publishes. Unique indexes on the
 * natural key and the tracking number make "one complaint per ticket" hold across replicas.
 */
public class MongoComplaints implements Complaints, ProgressStore, ReporterNotes, Publications, RatingStore {

    public static final String COLLECTION = "complaints";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final ComplaintDocuments documents;
    /** The progress's version: a tracking change is one update conditioned on it. */
    private final Versions progressVersions;

    public MongoComplaints(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new Outbox(codec);
        this.documents = new ComplaintDocuments(outbox);
        this.progressVersions = new Versions(mongo, COLLECTION, ComplaintDocuments.PROGRESS + ".version");
    }

    public void createIndexes() {
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index("naturalKey", Sort.Direction.ASC).unique().named("natural_key"));
        indexes.createIndex(new Index("trackingNumber", Sort.Direction.ASC).unique().named("tracking_number"));
        indexes.createIndex(new Index("progress.caseId", Sort.Direction.ASC).named("case_id"));
        indexes.createIndex(new Index("receivedAt", Sort.Direction.DESC).named("received_at"));
        Outbox.createIndex(mongo, COLLECTION);
        indexes.createIndex(new Index("progress.history.occurredAt", Sort.Direction.ASC).named("status_changes"));
    }

    @Override
    public void insert(Complaint c) {
        try {
            mongo.insert(documents.document(c), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new DuplicateTicketException(c.naturalKey(), e);
        }
    }

    @Override
    public Optional<Complaint> byNaturalKey(String naturalKey) {
        return one(query(where("naturalKey").is(naturalKey))).map(documents::complaint);
    }

    /** One unordered insert ({@link BulkInserts}): a taken natural key (a repeated ticket) leaves that complaint out. */
    @Override
    public Set<String> insertAll(List<Complaint> batch) {
        Set<String> written = new LinkedHashSet<>();
        BulkInserts.absent(mongo, COLLECTION, batch.stream().map(documents::document).toList())
                .forEach(id -> written.add((String) id));
        return written;
    }

    @Override
    public Map<String, Complaint> byNaturalKeys(Collection<String> naturalKeys) {
        Map<String, Complaint> found = new LinkedHashMap<>();
        mongo.find(query(where("naturalKey").in(naturalKeys)), Document.class, COLLECTION).stream().map(documents::complaint)
                .forEach(c -> found.put(c.naturalKey(), c));
        return found;
    }

    @Override
    public Optional<Complaint> byTrackingNumber(String trackingNumber) {
        return one(query(where("trackingNumber").is(trackingNumber))).map(documents::complaint);
    }

    /** Open311's list: newest first, with the spec's filters already turned into a query. */
    public List<Complaint> find(Query q) {
        return mongo.find(q, Document.class, COLLECTION).stream().map(documents::complaint).toList();
    }

    // --- tracking ---

    @Override
    public Optional<Tracked> trackedById(String complaintId) {
        return one(query(where("_id").is(complaintId))).map(MongoComplaints::tracked);
    }

    @Override
    public Optional<Tracked> trackedByNumber(String trackingNumber) {
        return one(query(where("trackingNumber").is(trackingNumber))).map(MongoComplaints::tracked);
    }

    @Override
    public List<Tracked> trackedByCase(String caseId) {
        return mongo.find(query(where("progress.caseId").is(caseId)), Document.class, COLLECTION)
                .stream().map(MongoComplaints::tracked).toList();
    }

    @Override
    public List<Tracked> trackedByIds(Collection<String> complaintIds) {
        return tracked(query(where("_id").in(complaintIds)));
    }

    @Override
    public List<Tracked> trackedByCases(Collection<String> caseIds) {
        return tracked(query(where("progress.caseId").in(caseIds)));
    }

    @Override
    public List<Tracked> trackedByNumbers(Collection<String> trackingNumbers) {
        return tracked(query(where("trackingNumber").in(trackingNumbers)));
    }

    private List<Tracked> tracked(Query q) {
        return mongo.find(q, Document.class, COLLECTION).stream().map(MongoComplaints::tracked).toList();
    }

    @Override
    public boolean replace(String complaintId, int expectedVersion, Progress next) {
        return progressVersions.tryUpdate(complaintId, expectedVersion, ComplaintDocuments.progressChange(next));
    }

    /**
     * One unordered bulk write of updates, each with the filter and the version step of the kit's {@link Versions}
     * ({@code _id} at top level, the version as read, 0 matching none); the matched count tells whether all held.
     */
    @Override
    public boolean replaceAll(List<Replacement> replacements) {
        if (replacements.isEmpty()) {
            return true;
        }
        String version = ComplaintDocuments.PROGRESS + ".version";
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Replacement r : replacements) {
            Criteria asRead = r.expectedVersion() == 0
                    ? where("_id").is(r.complaintId()).orOperator(where(version).is(0L), where(version).exists(false))
                    : where("_id").is(r.complaintId()).and(version).is((long) r.expectedVersion());
            bulk.updateOne(query(asRead), ComplaintDocuments.progressChange(r.next()).inc(version, 1));
        }
        return bulk.execute().getMatchedCount() == replacements.size();
    }

    // --- reporters' notes ---

    /** One conditional write: the note and its outbox entry go in together, only if no note has its key yet. */
    @Override
    public boolean add(String complaintId, ReporterNote note, OutboxEntry event) {
        Document stored = new Document("noteId", note.noteId()).append("key", note.key())
                .append("sourceSystem", note.sourceSystem()).append("externalId", note.externalId())
                .append("text", note.text()).append("mediaUrl", note.mediaUrl())
                .append("writtenAt", note.writtenAt() == null ? null : Date.from(note.writtenAt()))
                .append("receivedAt", Date.from(note.receivedAt()));
        return mongo.updateFirst(query(where("_id").is(complaintId).and("notes.key").ne(note.key())),
                outbox.push(new Update().push("notes", stored), List.of(event)), COLLECTION).getModifiedCount() == 1;
    }

    // --- the reporter's rating on the public page ---

    /** One conditional write: the rating and its outbox entry go in together, only if the complaint has no rating yet. */
    @Override
    public boolean rate(String complaintId, String rating, Instant at, OutboxEntry event) {
        return mongo.updateFirst(query(where("_id").is(complaintId).and("publicRating").exists(false)),
                outbox.push(new Update().set("publicRating", new Document("rating", rating).append("at", Date.from(at))),
                        List.of(event)), COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public Optional<String> ratingOf(String complaintId) {
        Query q = query(where("_id").is(complaintId).and("publicRating").exists(true));
        q.fields().include("publicRating");
        Document found = mongo.findOne(q, Document.class, COLLECTION);
        return found == null ? Optional.empty() : Optional.ofNullable(found.get("publicRating", Document.class))
                .map(r -> r.getString("rating"));
    }

    // --- publication ---

    @Override
    public boolean decide(String trackingNumber, Publication publication) {
        return mongo.updateFirst(query(where("trackingNumber").is(trackingNumber)), new Update().set("publication", ComplaintDocuments.publication(publication)),
                COLLECTION).getMatchedCount() == 1;
    }

    // --- reading ---

    private Optional<Document> one(Query q) {
        return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION));
    }

    private static Tracked tracked(Document d) {
        var draft = ComplaintDocuments.draft(d.get("draft", Document.class));
        var reporter = draft.reporter();
        return new Tracked(d.getString("_id"), d.getString("trackingNumber"), draft.category(), Fields.instant(d, "receivedAt"),
                reporter.anonymous(), reporter.lastFour(), ComplaintDocuments.progress(d.get(ComplaintDocuments.PROGRESS, Document.class)));
    }
}
