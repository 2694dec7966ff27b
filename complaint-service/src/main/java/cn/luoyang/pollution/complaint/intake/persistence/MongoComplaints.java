package cn.luoyang.pollution.complaint.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.Complaints;
import cn.luoyang.pollution.complaint.notes.ReporterNote;
import cn.luoyang.pollution.complaint.notes.ReporterNotes;
import cn.luoyang.pollution.complaint.outbox.Outbox;
import cn.luoyang.pollution.complaint.outbox.OutboxEntry;
import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.publication.Publications;
import cn.luoyang.pollution.complaint.tracking.Progress;
import cn.luoyang.pollution.complaint.tracking.ProgressStore;
import cn.luoyang.pollution.complaint.tracking.RatingStore;
import cn.luoyang.pollution.complaint.tracking.Tracked;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code complaints} collection behind intake, tracking and the outbox. Unique indexes on the
 * natural key and the tracking number make "one complaint per ticket" hold across replicas.
 */
public class MongoComplaints implements Complaints, ProgressStore, Outbox, ReporterNotes, Publications, RatingStore {

    static final String COLLECTION = "complaints";
    /** Until when one instance's outbox sweep holds the document. */
    static final String OUTBOX_LEASE = "outboxLeaseUntil";

    private final MongoTemplate mongo;
    private final EventCodec codec;

    public MongoComplaints(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    public void createIndexes() {
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index("naturalKey", Sort.Direction.ASC).unique().named("natural_key"));
        indexes.createIndex(new Index("trackingNumber", Sort.Direction.ASC).unique().named("tracking_number"));
        indexes.createIndex(new Index("progress.caseId", Sort.Direction.ASC).named("case_id"));
        indexes.createIndex(new Index("receivedAt", Sort.Direction.DESC).named("received_at"));
        indexes.createIndex(new Index("outbox.notBefore", Sort.Direction.ASC).named("outbox_due"));
        indexes.createIndex(new Index("progress.history.occurredAt", Sort.Direction.ASC).named("status_changes"));
    }

    @Override
    public void insert(Complaint c) {
        try {
            mongo.insert(toDocument(c), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new DuplicateTicketException(c.naturalKey(), e);
        }
    }

    @Override
    public Optional<Complaint> byNaturalKey(String naturalKey) {
        return one(query(where("naturalKey").is(naturalKey))).map(this::toComplaint);
    }

    @Override
    public Optional<Complaint> byTrackingNumber(String trackingNumber) {
        return one(query(where("trackingNumber").is(trackingNumber))).map(this::toComplaint);
    }

    /** Open311's list: newest first, with the spec's filters already turned into a query. */
    public List<Complaint> find(Query q) {
        return mongo.find(q, ComplaintDocument.class, COLLECTION).stream().map(this::toComplaint).toList();
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
        return mongo.find(query(where("progress.caseId").is(caseId)), ComplaintDocument.class, COLLECTION)
                .stream().map(MongoComplaints::tracked).toList();
    }

    @Override
    public boolean replace(String complaintId, int expectedVersion, Progress next) {
        return mongo.updateFirst(query(where("_id").is(complaintId).and("progress.version").is(expectedVersion)),
                new Update().set("progress", next), COLLECTION).getModifiedCount() == 1;
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
        Document outboxRecord = outboxRecord(event);
        return mongo.updateFirst(query(where("_id").is(complaintId).and("notes.key").ne(note.key())),
                new Update().push("notes", stored).push("outbox", outboxRecord), COLLECTION).getModifiedCount() == 1;
    }

    // --- the reporter's rating on the public page ---

    /** One conditional write: the rating and its outbox entry go in together, only if the complaint has no rating yet. */
    @Override
    public boolean rate(String complaintId, String rating, Instant at, OutboxEntry event) {
        Document outboxRecord = outboxRecord(event);
        return mongo.updateFirst(query(where("_id").is(complaintId).and("publicRating").exists(false)),
                new Update().set("publicRating", new Document("rating", rating).append("at", Date.from(at)))
                        .push("outbox", outboxRecord), COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public Optional<String> ratingOf(String complaintId) {
        Query q = query(where("_id").is(complaintId).and("publicRating").exists(true));
        q.fields().include("publicRating");
        Document found = mongo.findOne(q, Document.class, COLLECTION);
        return found == null ? Optional.empty() : Optional.ofNullable(found.get("publicRating", Document.class))
                .map(r -> r.getString("rating"));
    }

    /** An outbox entry as a document pushed onto a complaint's {@code outbox}. */
    private Document outboxRecord(OutboxEntry event) {
        return new Document("eventId", event.eventId()).append("topic", event.topic())
                .append("type", EventTypes.nameOf(event.event().getClass()))
                .append("payload", new String(codec.encode(event.event()), StandardCharsets.UTF_8))
                .append("notBefore", Date.from(event.notBefore()));
    }

    // --- publication ---

    @Override
    public boolean decide(String trackingNumber, Publication publication) {
        return mongo.updateFirst(query(where("trackingNumber").is(trackingNumber)), new Update().set("publication", publication),
                COLLECTION).getMatchedCount() == 1;
    }

    // --- outbox ---

    /**
     * Candidates by the indexed due time, then one conditional findAndModify per document (by
     * {@code _id}): it takes the document only while it still has a due entry and no live lease of
     * another sweep, and answers the entries as they are now, so an entry another instance already
     * published and removed is never seen.
     */
    @Override
    public List<Pending> claimDue(Instant now, Instant leaseUntil, int limit) {
        Query candidates = query(where("outbox.notBefore").lte(now)
                .orOperator(where(OUTBOX_LEASE).is(null), where(OUTBOX_LEASE).lte(now))).limit(limit);
        candidates.fields().include("_id");
        List<Pending> due = new ArrayList<>();
        for (Document candidate : mongo.find(candidates, Document.class, COLLECTION)) {
            Query free = query(where("_id").is(candidate.get("_id")).and("outbox.notBefore").lte(now)
                    .orOperator(where(OUTBOX_LEASE).is(null), where(OUTBOX_LEASE).lte(now)));
            free.fields().include("_id", "outbox");
            ComplaintDocument doc = mongo.findAndModify(free, new Update().set(OUTBOX_LEASE, leaseUntil),
                    FindAndModifyOptions.options().returnNew(true), ComplaintDocument.class, COLLECTION);
            if (doc == null) {
                continue; // another instance's sweep holds it, or published it meanwhile
            }
            for (ComplaintDocument.OutboxRecord r : doc.outbox()) {
                if (!r.notBefore().isAfter(now)) {
                    due.add(new Pending(doc.id(), toEntry(r)));
                }
            }
        }
        return due;
    }

    @Override
    public void markSent(String documentId, String eventId) {
        mongo.updateFirst(query(where("_id").is(documentId)),
                new Update().pull("outbox", new Document("eventId", eventId)), COLLECTION);
    }

    @Override
    public void release(String documentId) {
        mongo.updateFirst(query(where("_id").is(documentId)), new Update().unset(OUTBOX_LEASE), COLLECTION);
    }

    // --- mapping ---

    private Optional<ComplaintDocument> one(Query q) {
        return Optional.ofNullable(mongo.findOne(q, ComplaintDocument.class, COLLECTION));
    }

    private ComplaintDocument toDocument(Complaint c) {
        List<ComplaintDocument.OutboxRecord> outbox = c.outbox().stream()
                .map(e -> new ComplaintDocument.OutboxRecord(e.eventId(), e.topic(), EventTypes.nameOf(e.event().getClass()),
                        new String(codec.encode(e.event()), StandardCharsets.UTF_8), e.notBefore()))
                .toList();
        return new ComplaintDocument(c.id(), c.trackingNumber(), c.naturalKey(), c.fingerprint(), c.draft(),
                c.receivedAt(), c.progress(), outbox, c.publication() == Publication.NONE ? null : c.publication());
    }

    private Complaint toComplaint(ComplaintDocument d) {
        List<OutboxEntry> outbox = d.outbox() == null ? List.of() : d.outbox().stream().map(this::toEntry).toList();
        return new Complaint(d.id(), d.trackingNumber(), d.naturalKey(), d.fingerprint(), d.draft(), d.receivedAt(),
                d.progress(), outbox, d.publication());
    }

    private OutboxEntry toEntry(ComplaintDocument.OutboxRecord r) {
        return new OutboxEntry(codec.decode(r.type(), r.payload().getBytes(StandardCharsets.UTF_8)), r.topic(), r.notBefore());
    }

    private static Tracked tracked(ComplaintDocument d) {
        var reporter = d.draft().reporter();
        return new Tracked(d.id(), d.trackingNumber(), d.draft().category(), d.receivedAt(),
                reporter.anonymous(), reporter.lastFour(), d.progress());
    }
}
