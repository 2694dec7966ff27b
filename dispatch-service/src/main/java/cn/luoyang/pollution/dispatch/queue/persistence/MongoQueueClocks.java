package cn.luoyang.pollution.dispatch.queue.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.dispatch.dispatching.persistence.DispatchOutbox;
import cn.luoyang.pollution.dispatch.queue.QueueClocks;
import cn.luoyang.pollution.dispatch.queue.QueueEscalation;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Escalations of the manual-queue clock in {@code queue_clocks}, {@code {_id: complaint id, escalation, outbox}}: the
 * claim is an insert carrying the escalation's event in its outbox ({@link DispatchOutbox}), so of any
 * number of instances exactly one takes a complaint, and its event cannot be lost.
 */
public class MongoQueueClocks implements QueueClocks {

    public static final String COLLECTION = "queue_clocks";

    private final MongoTemplate mongo;
    private final DispatchOutbox outbox;

    public MongoQueueClocks(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new DispatchOutbox(codec);
    }

    @Override
    public Set<String> escalated(Collection<String> complaintIds) {
        Query query = Query.query(Criteria.where("_id").in(complaintIds));
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @Override
    public boolean claim(QueueEscalation escalation, Event announced) {
        Document doc = new Document("_id", escalation.complaintId()).append("escalation", document(escalation))
                .append(Outbox.FIELD, outbox.documents(announced));
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The escalation as stored for the record; nothing reads it back (a claim's event is in its outbox). */
    private static Document document(QueueEscalation e) {
        return compact(new Document("complaintId", e.complaintId()).append("trackingNumber", e.trackingNumber())
                .append("reason", e.reason()).append("queuedAt", date(e.queuedAt())).append("eventId", e.eventId())
                .append("escalatedAt", date(e.escalatedAt())));
    }
}
