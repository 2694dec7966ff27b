package cn.luoyang.pollution.notification.survey.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.survey.Rating;
import cn.luoyang.pollution.notification.survey.Survey;
import cn.luoyang.pollution.notification.survey.Surveys;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code surveys}: one per CLOSED message (same id), found by the number's keyed hash. */
public class MongoSurveys implements Surveys {

    /** Until when one instance's sweep holds an answered survey's pending event; a save drops it. */
    private static final String EVENT_CLAIM = "eventClaimUntil";
    /** When the answer was stored: its event is published right after, so the sweep waits this long. */
    private static final String SAVED_AT = "savedAt";
    private static final Duration PUBLISH_GRACE = Duration.ofSeconds(5);

    private final MongoCollection<Document> collection;

    public MongoSurveys(MongoTemplate mongo) {
        this.collection = mongo.getCollection("surveys");
        collection.createIndex(Indexes.ascending("phoneHash", "openedAt"));
        collection.createIndex(Indexes.ascending("eventPending")); // the relay's withPendingEvents
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
        return collection.replaceOne(new Document("_id", answered.id()).append("rating", null),
                        toDocument(answered).append(SAVED_AT, new Date()))
                .getModifiedCount() == 1;
    }

    @Override
    public void save(Survey survey) {
        collection.replaceOne(eq("_id", survey.id()), toDocument(survey), new ReplaceOptions().upsert(true));
    }

    @Override
    public List<Survey> claimPendingEvents(Instant now, Instant leaseUntil, int max) {
        List<Survey> result = new ArrayList<>();
        Document pending = new Document("eventPending", true).append("$or", List.of(new Document(SAVED_AT, null),
                new Document(SAVED_AT, new Document("$lte", Date.from(Instant.now().minus(PUBLISH_GRACE))))));
        collection.find(pending).limit(max).forEach(d -> {
            Document free = new Document("_id", d.get("_id")).append("eventPending", true).append("$or", List.of(
                    new Document(EVENT_CLAIM, null), new Document(EVENT_CLAIM, new Document("$lte", Date.from(now)))));
            if (collection.updateOne(free, Updates.set(EVENT_CLAIM, Date.from(leaseUntil))).getModifiedCount() == 1) {
                result.add(fromDocument(d));
            }
        });
        return result;
    }

    private static Document toDocument(Survey s) {
        return new Document("_id", s.id()).append("caseId", s.caseId()).append("complaintId", s.complaintId())
                .append("phoneHash", s.phoneHash()).append("openedAt", Date.from(s.openedAt()))
                .append("rating", s.rating() == null ? null : s.rating().name())
                .append("answeredAt", s.answeredAt() == null ? null : Date.from(s.answeredAt()))
                .append("eventPending", s.eventPending());
    }

    private static Survey fromDocument(Document d) {
        String rating = d.getString("rating");
        Date answeredAt = d.getDate("answeredAt");
        return new Survey(d.getString("_id"), d.getString("caseId"), d.getString("complaintId"), d.getString("phoneHash"),
                d.getDate("openedAt").toInstant(), rating == null ? null : Rating.valueOf(rating),
                answeredAt == null ? null : answeredAt.toInstant(), d.getBoolean("eventPending", false));
    }
}
