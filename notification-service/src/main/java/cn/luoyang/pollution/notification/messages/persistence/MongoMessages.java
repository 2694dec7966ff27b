package cn.luoyang.pollution.notification.messages.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Messages in the {@code sms_messages} collection, one document each, {@code _id} = the message key,
 * so the unique primary key itself refuses a second message for a redelivered event. Writes are
 * conditional on {@code version} (optimistic locking) and claims are single-document atomic. Each
 * write pushes one outbox entry per change it stores ({@link ReporterNotifiedEntries}) onto the
 * document's {@code outbox} (the kit's {@link Outbox}), which the collection's {@code OutboxRelay}
 * publishes; the fields are {@code $set} one by one, so entries still waiting stay.
 */
public class MongoMessages implements Messages {

    public static final String COLLECTION = "sms_messages";
    /** The token of the claim call that took the message (read back by it; overwritten by the next save). */
    static final String CLAIM = "claimToken";
    /**
     * When a waiting message is next due: {@code notBefore} while QUEUED, the lease's end while
     * SENDING, absent once it is done. The poll walks the (sparse) index on it in order, so it reads
     * the messages it takes, however long the queue or the history of sent messages.
     */
    static final String DUE_AT = "dueAt";
    /** The token of the {@link #saveAll} call that last wrote the message (read back by it when not all matched). */
    static final String WRITE = "writeToken";

    private final MongoCollection<Document> collection;
    private final Outbox outbox;

    public MongoMessages(MongoTemplate mongo) {
        this(mongo, new Outbox(new EventCodec()));
    }

    public MongoMessages(MongoTemplate mongo, Outbox outbox) {
        this.outbox = outbox;
        this.collection = mongo.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("state", "notBefore"));
        collection.createIndex(Indexes.ascending(DUE_AT), new IndexOptions().sparse(true));
        collection.createIndex(Indexes.ascending("gatewayMessageId"), new IndexOptions().sparse(true));
        collection.createIndex(Indexes.ascending("phoneHash", "sentAt"), new IndexOptions().sparse(true));
        collection.createIndex(Indexes.ascending("complaintId"));
        stampDueTimesOfOlderMessages();
        PendingFlagUpgrade.run(collection, "eventPending", outbox,
                message -> ReporterNotifiedEntries.formerlyPending(message, Instant.now()));
    }

    /**
     * Messages stored before {@value #DUE_AT} existed are waiting without it and would never be
     * polled: stamp each one once (conditional on its state, so a message a running instance
     * moves on meanwhile is left to that instance's own write).
     */
    private void stampDueTimesOfOlderMessages() {
        List<Document> unstamped = collection.find(new Document("state", new Document("$in",
                        List.of(MessageState.QUEUED.name(), MessageState.SENDING.name())))
                .append(DUE_AT, new Document("$exists", false))).into(new ArrayList<>());
        for (Document message : unstamped) {
            Date dueAt = dueAt(MessageState.valueOf(message.getString("state")), message.getDate("notBefore"),
                    message.getDate("leaseUntil"));
            if (dueAt != null) {
                collection.updateOne(new Document("_id", message.get("_id")).append("state", message.getString("state"))
                        .append(DUE_AT, new Document("$exists", false)), Updates.set(DUE_AT, dueAt));
            }
        }
    }

    @Override
    public boolean add(SmsMessage message) {
        try {
            Document document = toDocument(message.snapshot());
            List<OutboxEntry> entries = ReporterNotifiedEntries.of(message);
            if (!entries.isEmpty()) {
                document.append(Outbox.FIELD, outbox.documents(entries));
            }
            collection.insertOne(document);
            message.announced();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One unordered {@code insertMany} for the batch: a message whose {@code _id} (its natural key) exists already
     * fails alone with a duplicate key and is left as it is; any other failure propagates.
     */
    @Override
    public Set<String> addAll(List<SmsMessage> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = new ArrayList<>();
        for (SmsMessage message : batch) {
            Document document = toDocument(message.snapshot());
            List<OutboxEntry> entries = ReporterNotifiedEntries.of(message);
            if (!entries.isEmpty()) {
                document.append(Outbox.FIELD, outbox.documents(entries));
            }
            documents.add(document);
        }
        Set<Integer> refused = new HashSet<>();
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        Set<String> added = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!refused.contains(i)) {
                batch.get(i).announced();
                added.add(batch.get(i).id());
            }
        }
        return added;
    }

    /**
     * Three round trips for a whole batch, whatever its size: find up to {@code max} due ids, claim
     * them all with one multi-update that repeats the due condition and stamps this call's token,
     * then read back the ones carrying the token. A candidate another sender claimed meanwhile
     * no longer matches the condition and keeps the other token, so it is simply skipped.
     */
    @Override
    public List<SmsMessage> claimDue(Instant now, Instant leaseUntil, int max) {
        List<Object> candidates = new ArrayList<>();
        collection.find(due(now)).projection(new Document("_id", 1)).sort(Sorts.ascending(DUE_AT)).limit(max)
                .forEach(doc -> candidates.add(doc.get("_id")));
        if (candidates.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        collection.updateMany(due(now).append("_id", new Document("$in", candidates)),
                Updates.combine(Updates.set("state", MessageState.SENDING.name()),
                        Updates.set("leaseUntil", Date.from(leaseUntil)), Updates.set(DUE_AT, Date.from(leaseUntil)),
                        Updates.set(CLAIM, token),
                        Updates.inc("attempts", 1), Updates.inc("version", 1L)));
        List<SmsMessage> claimed = list(collection.find(new Document("_id", new Document("$in", candidates))
                .append(CLAIM, token)));
        claimed.sort(java.util.Comparator.comparing(SmsMessage::notBefore,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return claimed;
    }

    /**
     * QUEUED and due, or SENDING with its lease run out (a sender died). The {@value #DUE_AT}
     * range is the only top-level condition, so both MongoDB and the embedded server answer it
     * from the {@value #DUE_AT} index, in order; the {@code $or} keeps the exact rule.
     */
    private static Document due(Instant now) {
        Date at = Date.from(now);
        return new Document(DUE_AT, new Document("$lte", at))
                .append("$or", List.of(
                        new Document("state", MessageState.QUEUED.name()).append("notBefore", new Document("$lte", at)),
                        new Document("state", MessageState.SENDING.name()).append("leaseUntil", new Document("$lt", at))));
    }

    @Override
    public boolean save(SmsMessage message) {
        long version = message.snapshot().version();
        boolean written = collection.updateOne(new Document("_id", message.id()).append("version", version), update(message))
                .getModifiedCount() == 1;
        if (written) {
            message.stored();
        }
        return written;
    }

    /**
     * One unordered bulk write of every message's conditional update (as {@link #save}), each also
     * stamping this call's token in {@value #WRITE}. When every update matched, all were written; else
     * one read by the token tells which (a message whose lease ran out and that another sender took
     * meanwhile keeps the other's version, so its update matched nothing).
     */
    @Override
    public Set<String> saveAll(List<SmsMessage> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        String token = UUID.randomUUID().toString();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (SmsMessage message : batch) {
            Document update = update(message);
            update.get("$set", Document.class).append(WRITE, token);
            writes.add(new UpdateOneModel<>(new Document("_id", message.id()).append("version", message.snapshot().version()),
                    update));
        }
        BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Set<String> written = new HashSet<>();
        if (result.getMatchedCount() == batch.size()) {
            batch.forEach(message -> written.add(message.id()));
        } else {
            collection.find(new Document("_id", new Document("$in", batch.stream().map(SmsMessage::id).toList()))
                    .append(WRITE, token)).projection(new Document("_id", 1)).forEach(d -> written.add(d.getString("_id")));
        }
        batch.stream().filter(message -> written.contains(message.id())).forEach(SmsMessage::stored);
        return written;
    }

    /** The fields {@code $set} one by one (waiting outbox entries stay), the changes' entries pushed. */
    private Document update(SmsMessage message) {
        SmsMessage.Snapshot s = message.snapshot();
        Document fields = toDocument(s).append("version", s.version() + 1);
        fields.remove("_id");
        Document update = new Document("$set", fields);
        if (!fields.containsKey(DUE_AT)) {
            update.append("$unset", new Document(DUE_AT, ""));
        }
        List<OutboxEntry> entries = ReporterNotifiedEntries.of(message);
        if (!entries.isEmpty()) {
            update.append("$push", new Document(Outbox.FIELD, new Document("$each", outbox.documents(entries))));
        }
        return update;
    }

    @Override
    public Optional<SmsMessage> byId(String id) {
        return first(eq("_id", id));
    }

    @Override
    public Optional<SmsMessage> byGatewayMessageId(String gatewayMessageId) {
        return first(eq("gatewayMessageId", gatewayMessageId));
    }

    /** One {@code $in} query on the {@code gatewayMessageId} index. */
    @Override
    public List<SmsMessage> byGatewayMessageIds(Collection<String> gatewayMessageIds) {
        return gatewayMessageIds.isEmpty() ? List.of()
                : list(collection.find(new Document("gatewayMessageId", new Document("$in", List.copyOf(gatewayMessageIds)))));
    }

    @Override
    public List<SmsMessage> forComplaint(String complaintId) {
        return list(collection.find(eq("complaintId", complaintId)).sort(Sorts.ascending("queuedAt")));
    }

    /** {@code state} = FAILED is the top-level condition on the first key of the {@code state,notBefore} index. */
    @Override
    public List<SmsMessage> withUnknownOutcome(int max) {
        return list(collection.find(new Document("state", MessageState.FAILED.name())
                        .append("reason", new Document("$regex", "^" + SmsMessage.OUTCOME_UNKNOWN)))
                .sort(Sorts.descending("finishedAt")).limit(max));
    }

    @Override
    public List<Instant> sentToNumberSince(String phoneHash, Instant since) {
        List<Instant> sent = new ArrayList<>();
        collection.find(new Document("phoneHash", phoneHash).append("sentAt", new Document("$gte", Date.from(since))))
                .projection(new Document("sentAt", 1)).sort(Sorts.ascending("sentAt"))
                .forEach(d -> sent.add(d.getDate("sentAt").toInstant()));
        return sent;
    }

    private Optional<SmsMessage> first(Bson filter) {
        Document doc = collection.find(filter).first();
        return doc == null ? Optional.empty() : Optional.of(SmsMessage.restore(fromDocument(doc)));
    }

    private static List<SmsMessage> list(Iterable<Document> docs) {
        List<SmsMessage> result = new ArrayList<>();
        docs.forEach(doc -> result.add(SmsMessage.restore(fromDocument(doc))));
        return result;
    }

    static Document toDocument(SmsMessage.Snapshot s) {
        Document document = new Document("_id", s.id())
                .append("subjectId", s.key().subjectId())
                .append("milestone", s.key().milestone().name())
                .append("complaintId", s.key().recipientComplaintId())
                .append("occurrence", s.key().occurrence())
                .append("caseId", s.caseId())
                .append("text", s.text())
                .append("urgent", s.urgent())
                .append("queuedAt", date(s.queuedAt()))
                .append("state", s.state().name())
                .append("notBefore", date(s.notBefore()))
                .append("leaseUntil", date(s.leaseUntil()))
                .append("attempts", s.attempts())
                .append("gatewayMessageId", s.gatewayMessageId())
                .append("phoneHash", s.phoneHash())
                .append("maskedPhone", s.maskedPhone())
                .append("sentAt", date(s.sentAt()))
                .append("finishedAt", date(s.finishedAt()))
                .append("reason", s.reason())
                .append("handoverStartedAt", date(s.handoverStartedAt()))
                .append("version", s.version());
        Date dueAt = dueAt(s.state(), date(s.notBefore()), date(s.leaseUntil()));
        if (dueAt != null) {
            document.append(DUE_AT, dueAt);
        }
        return document;
    }

    private static Date dueAt(MessageState state, Date notBefore, Date leaseUntil) {
        return switch (state) {
            case QUEUED -> notBefore;
            case SENDING -> leaseUntil;
            default -> null;
        };
    }

    static SmsMessage.Snapshot fromDocument(Document d) {
        MessageKey key = new MessageKey(d.getString("subjectId"), Milestone.valueOf(d.getString("milestone")),
                d.getString("complaintId"), d.getString("occurrence"));
        return new SmsMessage.Snapshot(d.getString("_id"), key, d.getString("caseId"), d.getString("text"),
                d.getBoolean("urgent", false), instant(d, "queuedAt"), MessageState.valueOf(d.getString("state")),
                instant(d, "notBefore"), instant(d, "leaseUntil"), d.getInteger("attempts", 0),
                d.getString("gatewayMessageId"), d.getString("phoneHash"), d.getString("maskedPhone"),
                instant(d, "sentAt"), instant(d, "finishedAt"), d.getString("reason"), instant(d, "handoverStartedAt"),
                ((Number) d.get("version")).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
