package cn.luoyang.pollution.enforcement.cases.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.enforcement.cases.application.EventRelay;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the outbox of each document of one collection to {@code cases.lifecycle}, oldest first,
 * and removes an entry only after the broker acknowledged it (sync producer, acks=all). The service
 * has one relay per collection whose documents carry events: {@code cases} and {@code reward_claims};
 * a store writes a document's new events into its {@link #OUTBOX} array, with {@link #PENDING} raised,
 * in the same update as the change they announce ({@link #entry}). A crash after saving and before
 * publishing leaves the entry in the document: the next sweep, on this replica or another,
 * publishes it. A crash after publishing and before removal publishes it again with the same
 * event id, which consumers already recognise. A short lease on the document keeps two replicas
 * from interleaving one document's events.
 */
public class OutboxRelay implements EventRelay {

    /** The array of events waiting to be published, in each document that has one. */
    public static final String OUTBOX = "outbox";
    /**
     * True while the document's outbox may hold events: the sweep finds waiting outboxes by this
     * indexed flag (an equality on an index's first key), never by scanning the collection.
     */
    public static final String PENDING = "outboxPending";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outboxLeaseUntil";
    private static final String OWNER = "outboxLeaseOwner";

    private final MongoTemplate mongo;
    private final String collection;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final Clock clock;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();

    /** The relay of the {@code cases} collection. */
    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, EventCodec codec, Clock clock, Duration lease) {
        this(mongo, MongoCases.COLLECTION, publisher, codec, clock, lease);
    }

    /** The relay of {@code collection}; creates the index its sweep reads. */
    public OutboxRelay(MongoTemplate mongo, String collection, EventPublisher publisher, EventCodec codec, Clock clock,
            Duration lease) {
        this.mongo = mongo;
        this.collection = collection;
        mongo.indexOps(collection).createIndex(new Index(PENDING, Sort.Direction.ASC));
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
        this.lease = lease;
    }

    /** An outbox entry for {@code event}, as a store pushes it with the change it announces. */
    public static Document entry(Event event, EventCodec codec) {
        return new Document("eventId", event.eventId())
                .append("type", EventTypes.nameOf(event.getClass()))
                .append("payload", new String(codec.encode(event), StandardCharsets.UTF_8))
                .append("occurredAt", Date.from(event.occurredAt()));
    }

    @Override
    public void publishSoon(String id) {
        try {
            relay(where("_id").is(id));
        } catch (RuntimeException e) {
            log.warn("{} {}: events stay in the outbox for the next sweep: {}", collection, id, e.toString());
        }
    }

    /** Publishes every waiting outbox; returns how many events went out. */
    public int sweep() {
        int sent = 0;
        int batch;
        do {
            batch = relay(where(PENDING).is(true));
            sent += batch;
        } while (batch > 0);
        return sent;
    }

    private int relay(Criteria which) {
        Document claimed = claim(which);
        if (claimed == null) {
            return 0;
        }
        String id = claimed.getString("_id");
        @SuppressWarnings("unchecked")
        List<Document> entries = (List<Document>) claimed.get(OUTBOX, List.class);
        List<String> sent = new ArrayList<>();
        try {
            for (Document entry : entries) {
                Event event = codec.decode(entry.getString("type"), entry.getString("payload").getBytes(StandardCharsets.UTF_8));
                publisher.publish(Topics.CASES_LIFECYCLE, event);
                sent.add(entry.getString("eventId"));
            }
        } finally {
            release(id, entries.size(), sent);
        }
        return sent.size();
    }

    /**
     * One write in the usual case: remove the published entries, lower the pending flag and give up
     * the lease together, on the condition that the outbox still holds exactly what was claimed
     * (under our lease only saves add to it). Otherwise (a save added an event meanwhile, a publish
     * failed, or the lease ran out and another replica took over) the published entries are removed
     * and the flag stays up while anything is left, so the next sweep takes it.
     */
    private void release(String id, int claimed, List<String> sent) {
        Update done = new Update().unset(LEASE).unset(OWNER);
        if (!sent.isEmpty()) {
            done.pull(OUTBOX, new Document("eventId", new Document("$in", sent)));
        }
        if (sent.size() == claimed) {
            long released = mongo.updateFirst(query(where("_id").is(id).and(OWNER).is(owner)
                    .and(OUTBOX).size(claimed)), done.unset(PENDING), collection)
                    .getModifiedCount();
            if (released == 1) {
                return;
            }
        }
        if (!sent.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(id)),
                    new Update().pull(OUTBOX, new Document("eventId", new Document("$in", sent))),
                    collection);
            // another replica may have emptied it meanwhile; a save that pushes raises the flag again itself
            mongo.updateFirst(query(where("_id").is(id).and(OUTBOX).size(0)),
                    new Update().unset(PENDING), collection);
        }
        mongo.updateFirst(query(where("_id").is(id).and(OWNER).is(owner)),
                new Update().unset(LEASE).unset(OWNER), collection);
    }

    /**
     * Claims one document's outbox under a lease. The filter's top-level condition is the id or the
     * indexed pending flag, so the embedded server serves it from an index, not a collection scan.
     */
    private Document claim(Criteria which) {
        Date now = Date.from(clock.instant());
        Query q = query(which.and(OUTBOX + ".0").exists(true)
                .orOperator(where(LEASE).is(null), where(LEASE).lte(now)));
        q.fields().include(OUTBOX);
        return mongo.findAndModify(q,
                new Update().set(LEASE, Date.from(clock.instant().plus(lease))).set(OWNER, owner),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }
}
