package cn.luoyang.pollution.notification.survey.persistence;

import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.messages.persistence.PendingFlagUpgrade;
import cn.luoyang.pollution.notification.survey.Rating;
import cn.luoyang.pollution.notification.survey.Survey;
import cn.luoyang.pollution.notification.survey.Surveys;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code surveys}: one per CLOSED message (same id), found by the number's keyed hash. The answer and
 * its event ({@link FeedbackEntries}) are one write: the event waits in the survey's {@code outbox}
 * (the kit's {@link Outbox}) for the collection's {@code OutboxRelay}.
 */
public class MongoSurveys implements Surveys {

    public static final String COLLECTION = "surveys";

    private final MongoCollection<Document> collection;
    private final Outbox outbox;

    public MongoSurveys(MongoTemplate mongo) {
        this(mongo, new Outbox(new EventCodec()));
    }

    public MongoSurveys(MongoTemplate mongo, Outbox outbox) {
        this.outbox = outbox;
        this.collection = mongo.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("phoneHash", "openedAt"));
        PendingFlagUpgrade.run(collection, "eventPending", outbox, FeedbackEntries::formerlyPending);
    }

    @Override
    public void open(Survey survey) {
        try {
            collection.insertOne(toDocument(survey));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Survey> latestOpen(String phoneHash, Instant since) {
        Document d = collection.find(new Document("phoneHash", phoneHash).append("rating", null)
                        .append("openedAt", new Document("$gte", Date.from(since))))
                .sort(Sorts.descending("openedAt")).first();
        return Optional.ofNullable(d).map(MongoSurveys::fromDocument);
    }

    @Override
    public boolean answer(Survey answered) {
        OutboxEntry entry = FeedbackEntries.of(answered.id(), answered.caseId(), answered.complaintId(),
                answered.rating().name(), answered.answeredAt());
        Document update = new Document("$set", new Document("rating", answered.rating().name())
                .append("answeredAt", Date.from(answered.answeredAt())))
                .append("$push", new Document(Outbox.FIELD, outbox.document(entry)));
        return collection.updateOne(new Document("_id", answered.id()).append("rating", null), update)
                .getModifiedCount() == 1;
    }

    private static Document toDocument(Survey s) {
        return new Document("_id", s.id()).append("caseId", s.caseId()).append("complaintId", s.complaintId())
                .append("phoneHash", s.phoneHash()).append("openedAt", Date.from(s.openedAt()))
                .append("rating", s.rating() == null ? null : s.rating().name())
                .append("answeredAt", s.answeredAt() == null ? null : Date.from(s.answeredAt()));
    }

    private static Survey fromDocument(Document d) {
        String rating = d.getString("rating");
        Date answeredAt = d.getDate("answeredAt");
        return new Survey(d.getString("_id"), d.getString("caseId"), d.getString("complaintId"), d.getString("phoneHash"),
                d.getDate("openedAt").toInstant(), rating == null ? null : Rating.valueOf(rating),
                answeredAt == null ? null : answeredAt.toInstant());
    }
}
