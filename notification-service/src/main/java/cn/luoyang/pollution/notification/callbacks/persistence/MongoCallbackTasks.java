package cn.luoyang.pollution.notification.callbacks.persistence;

import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.callbacks.CallbackState;
import cn.luoyang.pollution.notification.callbacks.CallbackTask;
import cn.luoyang.pollution.notification.callbacks.CallbackTasks;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.persistence.PendingFlagUpgrade;
import cn.luoyang.pollution.notification.survey.Rating;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code callback_tasks}: one per milestone message SMS could not carry (its id derived from the
 * message's, so the unique {@code _id} makes a second one impossible); writes are conditional on {@code version}. No number
 * is stored: the masked form only, the sealed contact stays in {@code reporter_contacts}. The write that
 * ends a task pushes its events onto the task's {@code outbox} (the kit's {@link Outbox}), which the
 * collection's {@code OutboxRelay} publishes; fields are {@code $set} one by one, so waiting entries stay.
 */
public class MongoCallbackTasks implements CallbackTasks {

    public static final String COLLECTION = "callback_tasks";

    private final MongoCollection<Document> collection;
    private final Outbox outbox;

    public MongoCallbackTasks(MongoTemplate mongo) {
        this(mongo, new Outbox(new EventCodec()));
    }

    public MongoCallbackTasks(MongoTemplate mongo, Outbox outbox) {
        this.outbox = outbox;
        this.collection = mongo.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("state", "notBefore"));
        PendingFlagUpgrade.run(collection, "feedbackPending", outbox, CallbackEntries::formerlyPending);
    }

    @Override
    public boolean add(CallbackTask task) {
        try {
            collection.insertOne(toDocument(task));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public Optional<CallbackTask> byId(String id) {
        return Optional.ofNullable(collection.find(new Document("_id", id)).first()).map(MongoCallbackTasks::fromDocument);
    }

    @Override
    public boolean save(CallbackTask task) {
        return write(task, List.of());
    }

    @Override
    public boolean finish(CallbackTask finished) {
        return write(finished, CallbackEntries.of(finished));
    }

    private boolean write(CallbackTask task, List<OutboxEntry> entries) {
        Document fields = toDocument(task).append("version", task.version() + 1);
        fields.remove("_id");
        Document update = new Document("$set", fields);
        if (!entries.isEmpty()) {
            update.append("$push", new Document(Outbox.FIELD, new Document("$each", outbox.documents(entries))));
        }
        return collection.updateOne(new Document("_id", task.id()).append("version", task.version()), update)
                .getModifiedCount() == 1;
    }

    @Override
    public List<CallbackTask> open(Instant now, int max) {
        List<CallbackTask> result = new ArrayList<>();
        collection.find(new Document("state", CallbackState.OPEN.name())
                        .append("notBefore", new Document("$lte", Date.from(now))))
                .sort(Sorts.ascending("notBefore")).limit(max).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    @Override
    public List<CallbackTask> heldBy(String operator, int max) {
        List<CallbackTask> result = new ArrayList<>();
        collection.find(new Document("state", CallbackState.TAKEN.name()).append("takenBy", operator))
                .sort(Sorts.ascending("takenAt")).limit(max).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    private static Document toDocument(CallbackTask t) {
        List<Document> reveals = t.reveals().stream()
                .map(r -> new Document("by", r.by()).append("at", Date.from(r.at()))).toList();
        return new Document("_id", t.id()).append("messageId", t.messageId()).append("complaintId", t.complaintId()).append("caseId", t.caseId())
                .append("trackingNumber", t.trackingNumber()).append("milestone", t.milestone().name())
                .append("maskedPhone", t.maskedPhone()).append("script", t.script()).append("why", t.why())
                .append("createdAt", date(t.createdAt())).append("state", t.state().name())
                .append("notBefore", date(t.notBefore())).append("takenBy", t.takenBy())
                .append("takenAt", date(t.takenAt())).append("tries", t.tries()).append("reveals", reveals)
                .append("rating", t.rating() == null ? null : t.rating().name()).append("note", t.note())
                .append("finishedBy", t.finishedBy()).append("finishedAt", date(t.finishedAt()))
                .append("version", t.version());
    }

    private static CallbackTask fromDocument(Document d) {
        List<CallbackTask.Reveal> reveals = d.getList("reveals", Document.class, List.of()).stream()
                .map(r -> new CallbackTask.Reveal(r.getString("by"), r.getDate("at").toInstant())).toList();
        String rating = d.getString("rating");
        return new CallbackTask(d.getString("_id"), d.getString("messageId"), d.getString("complaintId"), d.getString("caseId"),
                d.getString("trackingNumber"), Milestone.valueOf(d.getString("milestone")), d.getString("maskedPhone"),
                d.getString("script"), d.getString("why"), instant(d, "createdAt"),
                CallbackState.valueOf(d.getString("state")), instant(d, "notBefore"), d.getString("takenBy"),
                instant(d, "takenAt"), d.getInteger("tries", 0), reveals, rating == null ? null : Rating.valueOf(rating),
                d.getString("note"), d.getString("finishedBy"), instant(d, "finishedAt"),
                ((Number) d.get("version")).longValue());
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Document d, String field) {
        Date at = d.getDate(field);
        return at == null ? null : at.toInstant();
    }
}
