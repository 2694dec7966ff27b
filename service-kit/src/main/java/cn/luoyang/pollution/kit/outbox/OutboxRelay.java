package cn.luoyang.pollution.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the {@link Outbox} of the documents of one collection (发件箱中继), in each document's
 * order, and removes an entry only after the broker acknowledged it. Every instance of a service
 * runs one relay per collection that carries events:
 * <ul>
 * <li>{@link #publishSoon} right after a request stored a change: publishes that document's entries
 *     at once, never failing the request (if the broker is away they wait for the sweep);</li>
 * <li>{@link #publishSoon(Collection)} after one write stored a batch of changes: the same for
 *     those documents, with one claim, one read and one removal for the whole batch;</li>
 * <li>{@link #sweep} on a schedule: publishes what a crash or an outage left, i.e. documents with an
 *     entry whose {@code notBefore} has passed.</li>
 * </ul>
 * Both first claim the document under a lease ({@code outboxLeaseUntil}, {@code outboxLeaseOwner};
 * one findAndModify while an entry is there and no other lease is live), so N instances never
 * publish one document's entries side by side. A crash before publishing leaves the entry for the
 * next sweep; a crash after publishing and before removal (or a lease that ran out under a slow
 * broker) publishes it again with the same event id, which every consumer recognises: at least once,
 * never lost, never twice in effect.
 * <p>
 * The entries of a claim (one document's, or a batch's) go to the sink in one
 * {@link EventSink#publishAll} call: the kit's publisher sends them all, then waits for the broker's
 * acknowledgements, one round trip instead of one per entry. Exactly the acknowledged entries are
 * removed; one the broker refused stays for the sweep, so in that case a later event of the same
 * document may reach consumers before it (as when two documents carry one aggregate's events).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outboxLeaseUntil";
    private static final String OWNER = "outboxLeaseOwner";

    private final MongoTemplate mongo;
    private final String collection;
    private final Outbox outbox;
    private final EventSink sink;
    private final Clock clock;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();

    /**
     * Creates the index the relay reads on {@code collection}.
     *
     * @param lease how long a claim holds a document; far longer than publishing its entries takes
     */
    public OutboxRelay(MongoTemplate mongo, String collection, Outbox outbox, EventSink sink, Clock clock, Duration lease) {
        this.mongo = mongo;
        this.collection = collection;
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
        this.lease = lease;
        Outbox.createIndex(mongo, collection);
    }

    public String collection() {
        return collection;
    }

    /** Publishes document {@code id}'s entries now, due or not; never throws. */
    public void publishSoon(String id) {
        try {
            relay(where("_id").is(id));
        } catch (RuntimeException e) {
            log.warn("{} {}: events stay in the outbox for the next sweep: {}", collection, id, e.toString());
        }
    }

    /**
     * Publishes the entries of the documents {@code ids} now, due or not, in each document's order;
     * never throws. Three round trips for the whole batch: one multi-update claims every one of them
     * that has an entry and no live lease (stamping this call's own owner token), one query reads the
     * claimed ones back by that token, one bulk write removes what was published and gives up the
     * leases. A document another instance holds is left to it; what the broker did not take waits
     * for the sweep, as with {@link #publishSoon(String)}.
     */
    public void publishSoon(Collection<?> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            relayAll(ids);
        } catch (RuntimeException e) {
            log.warn("{}: events of {} document(s) stay in the outbox for the next sweep: {}", collection, ids.size(),
                    e.toString());
        }
    }

    /** Publishes every document's outbox that has a due entry and no live lease; returns how many events went out. */
    public int sweep() {
        int sent = 0;
        int batch;
        do {
            batch = relay(where(Outbox.DUE).lte(Date.from(clock.instant())));
            sent += batch;
        } while (batch > 0);
        return sent;
    }

    /**
     * One scheduled sweep of a service's relays (one per collection with an outbox): a relay that
     * fails (MongoDB or the broker away) is logged and tried again next time; the others still run.
     */
    public static void sweepEach(Collection<OutboxRelay> relays) {
        for (OutboxRelay relay : relays) {
            try {
                relay.sweep();
            } catch (RuntimeException e) {
                log.warn("outbox sweep of {} failed, retried next time: {}", relay.collection(), e.toString());
            }
        }
    }

    private int relay(Criteria which) {
        Document claimed = claim(which);
        if (claimed == null) {
            return 0;
        }
        Object id = claimed.get("_id");
        List<Document> entries = claimed.getList(Outbox.FIELD, Document.class);
        List<String> sent = new ArrayList<>();
        try {
            sink.publishAll(entries.stream().map(outbox::entry).toList(), entry -> sent.add(entry.eventId()));
        } finally {
            release(id, sent);
        }
        return sent.size();
    }

    private void relayAll(Collection<?> ids) {
        Instant now = clock.instant();
        String claim = owner + "/" + UUID.randomUUID();
        mongo.updateMulti(query(where("_id").in(ids).and(Outbox.FIELD + ".0").exists(true)
                        .orOperator(where(LEASE).is(null), where(LEASE).lte(Date.from(now)))),
                new Update().set(LEASE, Date.from(now.plus(lease))).set(OWNER, claim), collection);
        Query mine = query(where("_id").in(ids).and(OWNER).is(claim));
        mine.fields().include(Outbox.FIELD);
        List<Document> claimed = mongo.find(mine, Document.class, collection);
        Map<Object, List<String>> sent = new LinkedHashMap<>();
        List<OutboxEntry> entries = new ArrayList<>();
        Map<OutboxEntry, Object> documentOf = new IdentityHashMap<>();
        for (Document document : claimed) {
            sent.put(document.get("_id"), new ArrayList<>());
            for (Document stored : document.getList(Outbox.FIELD, Document.class)) {
                OutboxEntry entry = outbox.entry(stored);
                entries.add(entry);
                documentOf.put(entry, document.get("_id"));
            }
        }
        try {
            sink.publishAll(entries, entry -> sent.get(documentOf.get(entry)).add(entry.eventId()));
        } finally {
            releaseAll(sent, claim);
        }
    }

    /** {@link #release} for a batch, in one bulk write; a lease lost meanwhile is handled as there. */
    private void releaseAll(Map<Object, List<String>> sent, String claim) {
        if (sent.isEmpty()) {
            return;
        }
        BulkOperations done = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        sent.forEach((id, events) -> done.updateOne(query(where("_id").is(id).and(OWNER).is(claim)), done(events)));
        if (done.execute().getMatchedCount() == sent.size()) {
            return;
        }
        sent.forEach((id, events) -> {
            if (!events.isEmpty()) {
                mongo.updateFirst(query(where("_id").is(id)), new Update().pull(Outbox.FIELD,
                        new Document("eventId", new Document("$in", events))), collection);
            }
        });
    }

    private static Update done(List<String> sent) {
        Update done = new Update().unset(LEASE).unset(OWNER);
        if (!sent.isEmpty()) {
            done.pull(Outbox.FIELD, new Document("eventId", new Document("$in", sent)));
        }
        return done;
    }

    /**
     * Claims one document under a lease and answers its entries as they are after the claim. The
     * filter's top-level condition is the id or the indexed due time, so it is served by an index.
     */
    private Document claim(Criteria which) {
        Instant now = clock.instant();
        Query q = query(which.and(Outbox.FIELD + ".0").exists(true)
                .orOperator(where(LEASE).is(null), where(LEASE).lte(Date.from(now))));
        q.fields().include(Outbox.FIELD);
        return mongo.findAndModify(q, new Update().set(LEASE, Date.from(now.plus(lease))).set(OWNER, owner),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    /**
     * Removes the published entries and gives up the lease in one write while the lease is still
     * ours; if it ran out and another instance took the document, removes them only (removing an
     * entry twice is harmless; its lease is not ours to lift).
     */
    private void release(Object id, List<String> sent) {
        long ours = mongo.updateFirst(query(where("_id").is(id).and(OWNER).is(owner)), done(sent), collection).getMatchedCount();
        if (ours == 0 && !sent.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(id)),
                    new Update().pull(Outbox.FIELD, new Document("eventId", new Document("$in", sent))), collection);
        }
    }
}
