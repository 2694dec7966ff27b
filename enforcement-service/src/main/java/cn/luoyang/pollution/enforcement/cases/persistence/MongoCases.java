package cn.luoyang.pollution.enforcement.cases.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Cases in the {@code cases} collection, one document each. A save is ONE atomic update of that
 * document, guarded by its version: the changed fields, the new history entries ({@code $push}
 * only — stored entries are never rewritten) and the new events ({@code $push} onto the
 * document's {@link Outbox}, which the kit's {@code OutboxRelay} publishes to {@code cases.lifecycle}
 * and empties). So a state change and its event
 * are stored together or not at all, without multi-document transactions.
 */
public class MongoCases implements Cases {

    public static final String COLLECTION = "cases";
    /** The states in which a case is still being worked (the inbox): everything but closed and returned. */
    static final List<String> OPEN_STATES = java.util.Arrays.stream(CaseState.values())
            .filter(s -> s != CaseState.CLOSED && s != CaseState.RETURNED).map(Enum::name).toList();
    private static final Set<String> NOT_SET = Set.of("_id", "_class", "version", "history", Outbox.FIELD);

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public MongoCases(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new Outbox(codec);
        // one index per poller or listing query; each query puts its top-level condition on the first key
        ensureIndex("clocks.nextDueAt"); // ClockScheduler: clocks.nextDueAt <= now
        ensureIndex("state"); // openCases: state $in open states
        Outbox.createIndex(mongo, COLLECTION); // the outbox relay's sweep: outbox.notBefore <= now
        ensureIndex("openedAt"); // weekly report: openedAt < end of period
    }

    private void ensureIndex(String key) {
        mongo.indexOps(COLLECTION).createIndex(new Index(key, Sort.Direction.ASC));
    }

    @Override
    public Optional<Case> find(String caseId) {
        Case found = mongo.findById(caseId, Case.class, COLLECTION);
        if (found != null) {
            found.markStored(found.version());
        }
        return Optional.ofNullable(found);
    }

    @Override
    public void save(Case c) {
        Document doc = new Document();
        mongo.getConverter().write(c, doc);
        // due at once: the sweep may take what the request's own publishSoon did not
        List<OutboxEntry> events = c.newEvents().stream()
                .map(e -> new OutboxEntry(e, Topics.CASES_LIFECYCLE, e.occurredAt())).toList();
        if (c.version() == 0) {
            doc.put("version", 1L);
            doc.put(Outbox.FIELD, outbox.documents(events));
            try {
                mongo.insert(doc, COLLECTION);
            } catch (DuplicateKeyException e) {
                throw new ConcurrentCaseUpdate(c.id());
            }
            c.markStored(1);
            return;
        }
        Update update = new Update();
        doc.forEach((key, value) -> {
            if (!NOT_SET.contains(key)) {
                update.set(key, value);
            }
        });
        List<Object> history = c.newHistory().stream().map(h -> mongo.getConverter().convertToMongoType(h)).toList();
        if (!history.isEmpty()) {
            update.push("history").each(history.toArray());
        }
        outbox.push(update, events);
        update.inc("version", 1);
        long matched = mongo.updateFirst(query(where("_id").is(c.id()).and("version").is(c.version())), update, COLLECTION)
                .getMatchedCount();
        if (matched == 0) {
            throw new ConcurrentCaseUpdate(c.id());
        }
        c.markStored(c.version() + 1);
    }

    @Override
    public List<Case> openCases() {
        return load(mongo.find(query(where("state").in(OPEN_STATES)), Case.class, COLLECTION));
    }

    @Override
    public List<Case> all() {
        return load(mongo.findAll(Case.class, COLLECTION));
    }

    @Override
    public List<Case> openedBefore(Instant before) {
        return load(mongo.find(query(where("openedAt").lt(before)), Case.class, COLLECTION));
    }

    private static List<Case> load(List<Case> found) {
        found.forEach(c -> c.markStored(c.version()));
        return found;
    }
}
