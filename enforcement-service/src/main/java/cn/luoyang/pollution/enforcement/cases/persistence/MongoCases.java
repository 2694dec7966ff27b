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
import cn.luoyang.pollution.kit.persistence.Versions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Cases in the {@code cases} collection, one document each, mapped field by field by
 * {@link CaseDocuments} (no reflection over the aggregate). A save is ONE atomic update of that
 * document, guarded by its version (the kit's {@link Versions}, the one optimistic lock of the
 * platform): the changed fields, the new history entries ({@code $push} only — stored entries are
 * never rewritten) and the new events ({@code $push} onto the
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
    private static final List<String> LEFT_BEHIND = List.of("pendingEvents", "storedHistory");

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Versions versions;

    public MongoCases(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new Outbox(codec);
        this.versions = new Versions(mongo, COLLECTION);
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
        return Optional.ofNullable(mongo.findById(caseId, Document.class, COLLECTION)).map(MongoCases::restore);
    }

    @Override
    public void save(Case c) {
        Document doc = CaseDocuments.write(c.snapshot());
        // due at once: the sweep may take what the request's own publishSoon did not
        List<OutboxEntry> events = c.newEvents().stream()
                .map(e -> new OutboxEntry(e, Topics.CASES_LIFECYCLE, e.occurredAt())).toList();
        if (c.version() == 0) {
            doc.put(Outbox.FIELD, outbox.documents(events));
            if (!versions.tryInsert(doc)) {
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
        // the reflective converter of old also stored two in-memory fields; a save drops them (nothing reads them)
        LEFT_BEHIND.forEach(update::unset);
        List<Document> history = c.newHistory().stream().map(CaseDocuments::history).toList();
        if (!history.isEmpty()) {
            update.push("history").each(history.toArray());
        }
        outbox.push(update, events);
        if (!versions.tryUpdate(c.id(), c.version(), update)) {
            throw new ConcurrentCaseUpdate(c.id());
        }
        c.markStored(c.version() + 1);
    }

    @Override
    public List<Case> openCases() {
        return load(mongo.find(query(where("state").in(OPEN_STATES)), Document.class, COLLECTION));
    }

    @Override
    public List<Case> all() {
        return load(mongo.findAll(Document.class, COLLECTION));
    }

    @Override
    public List<Case> openedBefore(Instant before) {
        return load(mongo.find(query(where("openedAt").lt(before)), Document.class, COLLECTION));
    }

    private static List<Case> load(List<Document> found) {
        return found.stream().map(MongoCases::restore).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Case restore(Document stored) {
        return Case.restore(CaseDocuments.read(stored));
    }
}
