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
import cn.luoyang.pollution.kit.persistence.Fields;
import cn.luoyang.pollution.kit.persistence.Versions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
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
    public boolean replace(String complaintId, int expectedVersion, Progress next) {
        return progressVersions.tryUpdate(complaintId, expectedVersion, ComplaintDocuments.progressChange(next));
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
