package cn.luoyang.pollution.notification.digest.persistence;

import cn.luoyang.pollution.notification.digest.DigestRuns;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code digest_runs}: the one schedule document {@code {_id: "daily", day, dueAt}}. A claim moves
 * {@code dueAt} to the end of the lease, conditional on the {@code dueAt} read (the unit alerts' claim),
 * so of N instances polling at once exactly one wins.
 */
public final class MongoDigestRuns implements DigestRuns {

    private static final String ID = "daily";

    private final MongoCollection<Document> collection;

    public MongoDigestRuns(MongoTemplate mongo) {
        this.collection = mongo.getCollection("digest_runs");
    }

    @Override
    public void start(LocalDate day, Instant dueAt) {
        if (collection.find(new Document("_id", ID)).first() != null) {
            return;
        }
        try {
            collection.insertOne(new Document("_id", ID).append("day", day.toString()).append("dueAt", Date.from(dueAt)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    public Optional<LocalDate> claim(Instant now, Instant leaseUntil) {
        Document d = collection.find(new Document("_id", ID).append("dueAt", new Document("$lte", Date.from(now)))).first();
        if (d == null) {
            return Optional.empty();
        }
        Document unchanged = new Document("_id", ID).append("day", d.getString("day")).append("dueAt", d.getDate("dueAt"));
        if (collection.updateOne(unchanged, Updates.set("dueAt", Date.from(leaseUntil))).getModifiedCount() != 1) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.parse(d.getString("day")));
    }

    @Override
    public void done(LocalDate day, LocalDate next, Instant nextDueAt) {
        collection.updateOne(new Document("_id", ID).append("day", day.toString()),
                Updates.combine(Updates.set("day", next.toString()), Updates.set("dueAt", Date.from(nextDueAt))));
    }
}
