package cn.luoyang.pollution.dispatch.support;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.DispatchEvents;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.dispatch.duplicates.MergeCell;
import cn.luoyang.pollution.dispatch.duplicates.MergeCells;
import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.grids.Roster;
import cn.luoyang.pollution.dispatch.grids.Rosters;
import cn.luoyang.pollution.dispatch.queue.QueueClocks;
import cn.luoyang.pollution.dispatch.queue.QueueEscalation;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Sources;
import cn.luoyang.pollution.dispatch.rules.AlertLevelStore;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import cn.luoyang.pollution.dispatch.rules.RuleTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Plain in-memory stand-ins for the domain's ports, for unit tests of the domain (adapter tests use the real ones). */
public final class InMemory {

    private InMemory() {
    }

    public static final class DecisionStore implements Decisions {
        public static final String COLLECTION = "decisions";
        public final Map<String, DecisionRecord> byId = new LinkedHashMap<>();
        /** Every call that would be a round trip to MongoDB, by method name. */
        public final List<String> calls = new ArrayList<>();
        private final RecordingEvents outbox;

        public DecisionStore(RecordingEvents outbox) {
            this.outbox = outbox;
        }

        @Override
        public Optional<DecisionRecord> byId(String complaintId) {
            calls.add("byId");
            return Optional.ofNullable(byId.get(complaintId));
        }

        @Override
        public void save(DecisionRecord decision, Event announced) {
            calls.add("save");
            byId.put(decision.id(), decision);
            outbox.replace(COLLECTION, decision.id(), announced);
        }

        @Override
        public boolean insert(DecisionRecord decision, Event announced) {
            calls.add("insert");
            if (byId.putIfAbsent(decision.id(), decision) != null) {
                return false;
            }
            outbox.store(COLLECTION, decision.id(), announced);
            return true;
        }

        @Override
        public java.util.Set<String> insertAll(List<Announced> decisions) {
            calls.add("insertAll");
            java.util.Set<String> written = new java.util.LinkedHashSet<>();
            for (Announced a : decisions) {
                if (byId.putIfAbsent(a.decision().id(), a.decision()) == null) {
                    outbox.store(COLLECTION, a.decision().id(), a.event());
                    written.add(a.decision().id());
                }
            }
            return written;
        }

        @Override
        public void announce(String complaintId, Event announced) {
            calls.add("announce");
            if (byId.containsKey(complaintId)) {
                outbox.store(COLLECTION, complaintId, announced);
            }
        }

        @Override
        public boolean assign(DecisionRecord assigned, Event announced) {
            calls.add("assign");
            DecisionRecord stored = byId.get(assigned.id());
            if (stored == null || stored.outcome() != Outcome.QUEUED) {
                return false;
            }
            byId.put(assigned.id(), assigned);
            outbox.store(COLLECTION, assigned.id(), announced);
            return true;
        }

        @Override
        public List<DecisionRecord> queued() {
            return byId.values().stream().filter(d -> d.outcome() == Outcome.QUEUED)
                    .sorted(Comparator.comparing(DecisionRecord::decidedAt)).toList();
        }

        @Override
        public List<DecisionRecord> queuedAtOrBefore(Instant at) {
            calls.add("queuedAtOrBefore");
            return queued().stream().filter(d -> !d.decidedAt().isAfter(at)).toList();
        }
    }

    public static final class CaseStore implements CaseFiles {
        public static final String COLLECTION = "cases";
        public final Map<String, CaseFile> byId = new LinkedHashMap<>();
        /** Every call that would be a round trip to MongoDB, by method name. */
        public final List<String> calls = new ArrayList<>();
        private final RecordingEvents outbox;

        public CaseStore(RecordingEvents outbox) {
            this.outbox = outbox;
        }

        @Override
        public Optional<CaseFile> byId(String caseId) {
            calls.add("byId");
            return Optional.ofNullable(byId.get(caseId));
        }

        @Override
        public boolean update(CaseFile file, Event announced) {
            calls.add("update");
            CaseFile stored = byId.get(file.id());
            if (stored == null || stored.version() != file.version()) {
                return false;
            }
            byId.put(file.id(), new CaseFile(file.id(), file.openingComplaintId(), file.trackingNumber(), file.category(),
                    file.location(), file.gcjLongitude(), file.gcjLatitude(), file.reportedAt(), file.territory(), file.sourceId(),
                    stored.complaintIds(), file.status(), file.returnedBy(), file.returns(), file.routingRound(), file.lastDispatch(),
                    file.lastFailure(), file.lastEventType(), file.processedEventIds(), file.arbitrations(), file.updatedAt(),
                    file.version() + 1));
            if (announced != null) {
                outbox.store(COLLECTION, file.id(), announced);
            }
            return true;
        }

        @Override
        public void announce(String caseId, Event announced) {
            calls.add("announce");
            if (byId.containsKey(caseId)) {
                outbox.store(COLLECTION, caseId, announced);
            }
        }

        @Override
        public boolean insert(CaseFile file) {
            calls.add("insert");
            return byId.putIfAbsent(file.id(), file) == null;
        }

        @Override
        public java.util.Set<String> insertAll(List<CaseFile> files) {
            calls.add("insertAll");
            java.util.Set<String> written = new java.util.LinkedHashSet<>();
            files.forEach(f -> {
                if (byId.putIfAbsent(f.id(), f) == null) {
                    written.add(f.id());
                }
            });
            return written;
        }

        @Override
        public boolean addComplaints(List<Join> joins, Instant at) {
            calls.add("addComplaints");
            boolean all = true;
            for (Join j : joins) {
                all &= byId.computeIfPresent(j.caseId(), (id, file) -> file.withComplaint(j.complaintId(), at)) != null;
            }
            return all;
        }

        @Override
        public boolean addComplaint(String caseId, String complaintId, Instant at) {
            calls.add("addComplaint");
            return byId.computeIfPresent(caseId, (id, file) -> file.withComplaint(complaintId, at)) != null;
        }

        @Override
        public List<CaseFile> withStatus(CaseStatus status) {
            return byId.values().stream().filter(f -> f.status() == status).toList();
        }
    }

    public static final class SourceStore implements Sources {
        public final Map<String, PollutionSource> byId = new LinkedHashMap<>();
        private long version;

        @Override
        public long version() {
            return version;
        }

        @Override
        public List<PollutionSource> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public Optional<PollutionSource> byId(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public void saveAll(List<PollutionSource> sources) {
            sources.forEach(s -> byId.put(s.id(), s));
            version++;
        }

        @Override
        public boolean delete(String id) {
            boolean deleted = byId.remove(id) != null;
            version += deleted ? 1 : 0;
            return deleted;
        }
    }

    public static final class TableStore implements RuleTables {
        public final TreeMap<Integer, RuleTable> versions = new TreeMap<>();

        @Override
        public Optional<RuleTable> latest() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
        }

        @Override
        public int latestVersion() {
            return versions.isEmpty() ? 0 : versions.lastKey();
        }

        @Override
        public Optional<RuleTable> version(int version) {
            return Optional.ofNullable(versions.get(version));
        }

        @Override
        public List<Integer> versions() {
            return List.copyOf(versions.keySet());
        }

        @Override
        public boolean add(RuleTable table) {
            return versions.putIfAbsent(table.version(), table) == null;
        }
    }

    public static final class RosterStore implements Rosters {
        public final TreeMap<Integer, Roster> versions = new TreeMap<>();

        @Override
        public int latestVersion() {
            return versions.isEmpty() ? 0 : versions.lastKey();
        }

        @Override
        public Optional<Roster> version(int version) {
            return Optional.ofNullable(versions.get(version));
        }

        @Override
        public boolean add(Roster roster) {
            return versions.putIfAbsent(roster.version(), roster) == null;
        }
    }

    public static final class QueueClockStore implements QueueClocks {
        public static final String COLLECTION = "queue_clocks";
        public final Map<String, QueueEscalation> byId = new LinkedHashMap<>();
        private final RecordingEvents outbox;

        public QueueClockStore(RecordingEvents outbox) {
            this.outbox = outbox;
        }

        @Override
        public java.util.Set<String> escalated(Collection<String> complaintIds) {
            return complaintIds.stream().filter(byId::containsKey).collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public boolean claim(QueueEscalation escalation, Event announced) {
            if (byId.putIfAbsent(escalation.complaintId(), escalation) != null) {
                return false;
            }
            outbox.store(COLLECTION, escalation.complaintId(), announced);
            return true;
        }
    }

    public static final class AlertStore implements AlertLevelStore {
        private AlertSetting setting;

        @Override
        public Optional<AlertSetting> load() {
            return Optional.ofNullable(setting);
        }

        @Override
        public void save(AlertSetting setting) {
            this.setting = setting;
        }
    }

    /** Merge cells with the store's conditional claim, for unit tests; the two-instance tests use MongoDB. */
    public static final class CellStore implements MergeCells {
        public final Map<MergeCell, State> byCell = new HashMap<>();
        /** Runs once, just before the next claim is checked: another instance's work slipped in between read and claim. */
        public Runnable beforeNextClaim;

        @Override
        public synchronized Map<MergeCell, State> read(Collection<MergeCell> cells) {
            Map<MergeCell, State> found = new HashMap<>();
            cells.stream().filter(byCell::containsKey).forEach(c -> found.put(c, byCell.get(c)));
            return found;
        }

        @Override
        public boolean claim(Map<MergeCell, Long> seen, MergeCell own, OpenCase opened) {
            Runnable between = beforeNextClaim;
            beforeNextClaim = null;
            if (between != null) {
                between.run();
            }
            return check(seen, own, opened);
        }

        private synchronized boolean check(Map<MergeCell, Long> seen, MergeCell own, OpenCase opened) {
            for (Map.Entry<MergeCell, Long> cell : seen.entrySet()) {
                if (byCell.getOrDefault(cell.getKey(), State.EMPTY).version() != cell.getValue()) {
                    return false;
                }
            }
            seen.keySet().forEach(c -> {
                State was = byCell.getOrDefault(c, State.EMPTY);
                byCell.put(c, new State(was.version() + 1, was.cases()));
            });
            add(own, opened);
            return true;
        }

        @Override
        public synchronized void add(MergeCell cell, OpenCase opened) {
            State was = byCell.getOrDefault(cell, State.EMPTY);
            if (was.cases().stream().noneMatch(c -> c.caseId().equals(opened.caseId()))) {
                List<OpenCase> cases = new ArrayList<>(was.cases());
                cases.add(opened);
                byCell.put(cell, new State(was.version() + 1, cases));
            }
        }

        @Override
        public synchronized void remove(MergeCell cell, String caseId) {
            State was = byCell.get(cell);
            if (was != null) {
                byCell.put(cell, new State(was.version(), was.cases().stream().filter(c -> !c.caseId().equals(caseId)).toList()));
            }
        }

        /** Whether a case is a merge target. */
        public synchronized boolean holds(String caseId) {
            return byCell.values().stream().anyMatch(s -> s.cases().stream().anyMatch(c -> c.caseId().equals(caseId)));
        }
    }

    /**
     * The outboxes of the in-memory stores and their relay: a store puts an event in its document's
     * outbox, {@link #relay}'s {@code publishSoon} moves the document's waiting events to
     * {@link #published}, i.e. what would go to {@code cases.dispatched}.
     */
    public static final class RecordingEvents {
        public final List<Event> published = new ArrayList<>();
        /** Waiting events by collection and document id. */
        public final Map<String, List<Event>> waiting = new LinkedHashMap<>();

        void store(String collection, String id, Event event) {
            List<Event> entries = waiting.computeIfAbsent(collection + "/" + id, k -> new ArrayList<>());
            if (entries.stream().noneMatch(e -> e.eventId().equals(event.eventId()))) {
                entries.add(event);
            }
        }

        void replace(String collection, String id, Event event) {
            waiting.put(collection + "/" + id, new ArrayList<>(List.of(event)));
        }

        /** The relay on one collection's outboxes. */
        public DispatchEvents relay(String collection) {
            return id -> {
                List<Event> entries = waiting.remove(collection + "/" + id);
                if (entries != null) {
                    published.addAll(entries);
                }
            };
        }

        public <T extends Event> List<T> of(Class<T> type) {
            return published.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
