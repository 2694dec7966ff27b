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
import com.mongodb.bulk.BulkWriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
 *
 * <p>A batch ({@link #findAll}, {@link #saveAll}) costs one query and one bulk write whatever its size: the
 * same documents, the same conditions, sent together.
 */
public class MongoCases implements Cases {

    public static final String COLLECTION = "cases";
    /** The states in which a case is still being worked (the inbox): everything but closed and returned. */
    static final List<String> OPEN_STATES = java.util.Arrays.stream(CaseState.values())
            .filter(s -> s != CaseState.CLOSED && s != CaseState.RETURNED).map(Enum::name).toList();
    private static final Set<String> NOT_SET = Set.of("_id", "_class", "version", "history", Outbox.FIELD);
    private static final List<String> LEFT_BEHIND = List.of("pendingEvents", "storedHistory");
    private static final int DUPLICATE_KEY = 11000;

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
        if (c.version() == 0) {
            Document doc = CaseDocuments.write(c.snapshot());
            doc.put(Outbox.FIELD, outbox.documents(outboxEntries(c)));
            if (!versions.tryInsert(doc)) {
                throw new ConcurrentCaseUpdate(c.id());
            }
            c.markStored(1);
            return;
        }
        if (!versions.tryUpdate(c.id(), c.version(), changes(c))) {
            throw new ConcurrentCaseUpdate(c.id());
        }
        c.markStored(c.version() + 1);
    }

    @Override
    public Map<String, Case> findAll(Collection<String> caseIds) {
        Map<String, Case> found = new LinkedHashMap<>();
        if (!caseIds.isEmpty()) {
            mongo.find(query(where("_id").in(caseIds)), Document.class, COLLECTION).stream()
                    .map(MongoCases::restore).forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    /**
     * One unordered bulk write of updates: a new case is an upsert on its id that only sets on insert (so a case
     * stored meanwhile is matched and left as it is), a loaded one an update conditioned on its version, exactly as
     * {@link #save}. The counts tell whether every one went as expected.
     */
    @Override
    public void saveAll(List<Case> changed) {
        if (changed.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        int opened = 0;
        for (Case c : changed) {
            if (c.version() == 0) {
                opened++;
                bulk.upsert(query(where("_id").is(c.id())), opening(c));
            } else {
                bulk.updateOne(query(where("_id").is(c.id()).and(Versions.FIELD).is(c.version())),
                        changes(c).inc(Versions.FIELD, 1));
            }
        }
        BulkWriteResult result;
        try {
            result = bulk.execute();
        } catch (BulkOperationException e) {
            // two replicas opening the same case at once: the later upsert fails on the id; anything else is a fault
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            throw new ConcurrentCaseUpdate(ids(changed));
        }
        if (result.getUpserts().size() != opened || result.getMatchedCount() != changed.size() - opened) {
            throw new ConcurrentCaseUpdate(ids(changed));
        }
        changed.forEach(c -> c.markStored(c.version() + 1));
    }

    private static String ids(List<Case> cases) {
        return cases.stream().map(Case::id).collect(Collectors.joining(", ", "of [", "]"));
    }

    /** A new case's document as {@code $setOnInsert}, at version 1, its events in its outbox. */
    private Update opening(Case c) {
        Update update = new Update();
        CaseDocuments.write(c.snapshot()).forEach((key, value) -> {
            if (!"_id".equals(key)) {
                update.setOnInsert(key, value);
            }
        });
        update.setOnInsert(Versions.FIELD, 1L);
        update.setOnInsert(Outbox.FIELD, outbox.documents(outboxEntries(c)));
        return update;
    }

    /** A loaded case's change: its fields set, the new history entries and events pushed. */
    private Update changes(Case c) {
        Document doc = CaseDocuments.write(c.snapshot());
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
        return outbox.push(update, outboxEntries(c));
    }

    /** Due at once: the sweep may take what the writer's own publishSoon did not. */
    private static List<OutboxEntry> outboxEntries(Case c) {
        return c.newEvents().stream().map(e -> new OutboxEntry(e, Topics.CASES_LIFECYCLE, e.occurredAt())).toList();
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
