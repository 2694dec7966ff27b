package cn.luoyang.pollution.notification.reporters.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code reporter_contacts}: the sealed contact by complaint id; the number itself is never stored. */
public class MongoReporterContacts implements ReporterContacts {

    private final MongoCollection<Document> collection;

    public MongoReporterContacts(MongoTemplate mongo) {
        this.collection = mongo.getCollection("reporter_contacts");
    }

    @Override
    public void keep(ReporterContact contact) {
        collection.updateOne(eq("_id", contact.complaintId()), kept(contact), new UpdateOptions().upsert(true));
    }

    /** One unordered bulk write of the same upserts (each only sets on insert, so their order does not matter). */
    @Override
    public void keepAll(List<ReporterContact> batch) {
        if (!batch.isEmpty()) {
            collection.bulkWrite(batch.stream().<WriteModel<Document>>map(contact -> new UpdateOneModel<>(
                    eq("_id", contact.complaintId()), kept(contact), new UpdateOptions().upsert(true))).toList(),
                    new BulkWriteOptions().ordered(false));
        }
    }

    private static Bson kept(ReporterContact contact) {
        return Updates.combine(
                Updates.setOnInsert("trackingNumber", contact.trackingNumber()),
                Updates.setOnInsert("anonymous", contact.anonymous()),
                Updates.setOnInsert("sealedPhone", contact.sealedPhone()),
                Updates.setOnInsert("maskedPhone", contact.maskedPhone()),
                Updates.setOnInsert("phoneKind", contact.phoneKind() == null ? null : contact.phoneKind().name()));
    }

    @Override
    public Optional<ReporterContact> of(String complaintId) {
        Document d = collection.find(eq("_id", complaintId)).first();
        return d == null ? Optional.empty() : Optional.of(fromDocument(d));
    }

    /** One query by {@code _id} for the whole batch. */
    @Override
    public Map<String, ReporterContact> ofAll(Collection<String> complaintIds) {
        Map<String, ReporterContact> found = new HashMap<>();
        if (!complaintIds.isEmpty()) {
            collection.find(new Document("_id", new Document("$in", List.copyOf(complaintIds))))
                    .forEach(d -> found.put(d.getString("_id"), fromDocument(d)));
        }
        return found;
    }

    private static ReporterContact fromDocument(Document d) {
        return new ReporterContact(d.getString("_id"), d.getString("trackingNumber"), d.getBoolean("anonymous", false),
                d.getString("sealedPhone"), d.getString("maskedPhone"), PhoneKind.named(d.getString("phoneKind")));
    }
}
