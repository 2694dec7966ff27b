package cn.luoyang.pollution.notification.digest.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.digest.OverdueCase;
import cn.luoyang.pollution.notification.digest.OverdueCases;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code overdue_cases}: one document per overdue open case ({@code _id} = case id) with its unit,
 * tracking number and the overdue clocks as {@code [{clock, deadline}]}. A case leaves when it closes
 * or when its last overdue clock clears, so the collection holds only what the digest lists. Events of
 * one case arrive in order (key = case id), so a redelivered overdue event is followed by the redelivered
 * closure again.
 */
public final class MongoOverdueCases implements OverdueCases {

    private final MongoCollection<Document> collection;

    public MongoOverdueCases(MongoTemplate mongo) {
        this.collection = mongo.getCollection("overdue_cases");
    }

    @Override
    public void overdue(String caseId, String clock, Instant deadline, String unit, String trackingNumber) {
        collection.updateOne(eq("_id", caseId), Updates.combine(Updates.set("unit", unit),
                Updates.set("trackingNumber", trackingNumber),
                Updates.addToSet("clocks", new Document("clock", clock).append("deadline", Date.from(deadline)))),
                new UpdateOptions().upsert(true));
    }

    @Override
    public void cleared(String caseId, String clock) {
        if (collection.updateOne(eq("_id", caseId), Updates.pull("clocks", new Document("clock", clock)))
                .getModifiedCount() > 0) {
            collection.deleteOne(new Document("_id", caseId).append("clocks", new Document("$size", 0)));
        }
    }

    @Override
    public void closed(String caseId) {
        collection.deleteOne(eq("_id", caseId));
    }

    @Override
    public List<OverdueCase> all() {
        List<OverdueCase> all = new ArrayList<>();
        for (Document d : collection.find()) {
            Map<String, Instant> clocks = new LinkedHashMap<>();
            for (Document c : d.getList("clocks", Document.class, List.of())) {
                clocks.merge(c.getString("clock"), c.getDate("deadline").toInstant(), (a, b) -> a.isBefore(b) ? a : b);
            }
            if (!clocks.isEmpty()) {
                all.add(new OverdueCase(d.getString("_id"), d.getString("unit"), d.getString("trackingNumber"), clocks));
            }
        }
        return all;
    }
}
