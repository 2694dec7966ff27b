package cn.luoyang.pollution.notification.units.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.units.UnitAlert;
import cn.luoyang.pollution.notification.units.UnitAlertStore;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code unit_alerts}: one document per alert, {@code _id} = the alert's natural key. */
public class MongoUnitAlerts implements UnitAlertStore {

    private final MongoCollection<Document> collection;

    public MongoUnitAlerts(MongoTemplate mongo) {
        this.collection = mongo.getCollection("unit_alerts");
        // the poller's filter: state = PENDING (top level, first key) and nextAttemptAt <= now
        collection.createIndex(Indexes.ascending("state", "nextAttemptAt"));
    }

    @Override
    public boolean add(UnitAlert alert) {
        try {
            collection.insertOne(toDocument(alert));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<UnitAlert> claimDue(Instant now, Instant leaseUntil, int max) {
        List<UnitAlert> due = new ArrayList<>();
        collection.find(new Document("state", UnitAlert.State.PENDING.name())
                        .append("nextAttemptAt", new Document("$lte", Date.from(now))))
                .limit(max).forEach(d -> {
                    Document unchanged = new Document("_id", d.get("_id")).append("state", UnitAlert.State.PENDING.name())
                            .append("nextAttemptAt", d.getDate("nextAttemptAt"));
                    if (collection.updateOne(unchanged, Updates.set("nextAttemptAt", Date.from(leaseUntil))).getModifiedCount() == 1) {
                        due.add(fromDocument(d));
                    }
                });
        return due;
    }

    @Override
    public void save(UnitAlert alert) {
        collection.replaceOne(eq("_id", alert.id()), toDocument(alert), new ReplaceOptions().upsert(true));
    }

    private static Document toDocument(UnitAlert a) {
        return new Document("_id", a.id()).append("kind", a.kind()).append("caseId", a.caseId())
                .append("unit", a.unit()).append("url", a.url()).append("payload", new Document(a.payload()))
                .append("state", a.state().name()).append("attempts", a.attempts())
                .append("nextAttemptAt", a.nextAttemptAt() == null ? null : Date.from(a.nextAttemptAt()))
                .append("lastError", a.lastError());
    }

    private static UnitAlert fromDocument(Document d) {
        Map<String, Object> payload = new LinkedHashMap<>(d.get("payload", Document.class));
        Date next = d.getDate("nextAttemptAt");
        return new UnitAlert(d.getString("_id"), d.getString("kind"), d.getString("caseId"),
                d.getString("unit") != null ? d.getString("unit") : d.getString("department"),
                d.getString("url"), payload, UnitAlert.State.valueOf(d.getString("state")), d.getInteger("attempts", 0),
                next == null ? null : next.toInstant(), d.getString("lastError"));
    }
}
