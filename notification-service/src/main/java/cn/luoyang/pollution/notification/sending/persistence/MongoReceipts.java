package cn.luoyang.pollution.notification.sending.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.sending.Receipts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code parked_receipts}: receipts waiting for their message to be recorded as SENT. */
public class MongoReceipts implements Receipts {

    private final MongoCollection<Document> collection;

    public MongoReceipts(MongoTemplate mongo) {
        this.collection = mongo.getCollection("parked_receipts");
    }

    @Override
    public void park(DeliveryReport report) {
        collection.replaceOne(eq("_id", report.gatewayMessageId()), parking(report), new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<DeliveryReport> parked(String gatewayMessageId) {
        Document d = collection.find(eq("_id", gatewayMessageId)).first();
        return d == null ? Optional.empty()
                : Optional.of(new DeliveryReport(gatewayMessageId, d.getBoolean("delivered", false), d.getString("status")));
    }

    /** One query by {@code _id} for the whole batch. */
    @Override
    public Set<String> parkedAmong(Collection<String> gatewayMessageIds) {
        Set<String> found = new HashSet<>();
        if (!gatewayMessageIds.isEmpty()) {
            collection.find(new Document("_id", new Document("$in", List.copyOf(gatewayMessageIds))))
                    .projection(new Document("_id", 1)).forEach(d -> found.add(d.getString("_id")));
        }
        return found;
    }

    @Override
    public void discard(String gatewayMessageId) {
        collection.deleteOne(eq("_id", gatewayMessageId));
    }

    /** One unordered bulk write of the same replacing upserts (one receipt per gateway id, resent ones overwrite). */
    @Override
    public void parkAll(Collection<DeliveryReport> reports) {
        if (!reports.isEmpty()) {
            collection.bulkWrite(reports.stream().<WriteModel<Document>>map(report -> new ReplaceOneModel<>(
                    eq("_id", report.gatewayMessageId()), parking(report), new ReplaceOptions().upsert(true))).toList(),
                    new BulkWriteOptions().ordered(false));
        }
    }

    /** One {@code deleteMany} by {@code _id}. */
    @Override
    public void discardAll(Collection<String> gatewayMessageIds) {
        if (!gatewayMessageIds.isEmpty()) {
            collection.deleteMany(new Document("_id", new Document("$in", List.copyOf(gatewayMessageIds))));
        }
    }

    private static Document parking(DeliveryReport report) {
        return new Document("_id", report.gatewayMessageId()).append("delivered", report.delivered())
                .append("status", report.status());
    }
}
