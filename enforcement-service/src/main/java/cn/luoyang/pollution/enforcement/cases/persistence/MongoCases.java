package cn.luoyang.pollution.enforcement.cases.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.contracts.cases.CaseEvent;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.kit.events.EventCodec;
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
 * document's {@code outbox}, which {@link OutboxRelay} empties). So a state change and its event
 * are stored together or not at all, without multi-document transactions.
 */
public class MongoCases implements Cases {

    static final String COLLECTION = "cases";
    static final String OUTBOX = OutboxRelay.OUTBOX;
    static final String OUTBOX_PENDING = OutboxRelay.PENDING;
    /** The states in which a case is still being worked (the inbox): everything but closed and returned. */
    static final List<String> OPEN_STATES = java.util.Arrays.stream(CaseState.values())
            .filter(s -> s != CaseState.CLOSED && s != CaseState.RETURNED).map(Enum::name).toList();
    private static final Set<String> NOT_SET = Set.of("_id", "_class", "version", "history", OUTBOX, OUTBOX_PENDING);

    private final MongoTemplate mongo;
    private final EventCodec codec;

    public MongoCases(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        // one index per poller or listing query; each query puts its top-level condition on the first key
        ensureIndex("clocks.nextDueAt"); // ClockScheduler: clocks.nextDueAt <= now
        ensureIndex("state"); // openCases: state $in open states
        ensureIndex(OUTBOX_PENDING); // OutboxRelay sweep: outboxPending = true
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
        List<Document> outbox = c.newEvents().stream().map(this::outboxEntry).toList();
        if (c.version() == 0) {
            doc.put("version", 1L);
            doc.put(OUTBOX, outbox);
            if (!outbox.isEmpty()) {
                doc.put(OUTBOX_PENDING, true);
            }
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
        if (!outbox.isEmpty()) {
            update.push(OUTBOX).each(outbox.toArray());
            update.set(OUTBOX_PENDING, true);
        }
        update.inc("version", 1);
        long matched = mongo.updateFirst(query(where("_id").is(c.id()).and("version").is(c.version())), update, COLLECTION)
                .getMatchedCount();
        if (matched == 0) {
            throw new ConcurrentCaseUpdate(c.id());
        }
        c.markStored(c.version() + 1);
    }

    private Document outboxEntry(CaseEvent event) {
        return OutboxRelay.entry(event, codec);
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
