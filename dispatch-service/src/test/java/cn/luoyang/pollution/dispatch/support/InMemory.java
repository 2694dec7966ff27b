package cn.luoyang.pollution.dispatch.support;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.DispatchEvents;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Sources;
import cn.luoyang.pollution.dispatch.rules.AlertLevelStore;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import cn.luoyang.pollution.dispatch.rules.RuleTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        public final Map<String, DecisionRecord> byId = new LinkedHashMap<>();
        /** Every call that would be a round trip to MongoDB, by method name. */
        public final List<String> calls = new ArrayList<>();

        @Override
        public Optional<DecisionRecord> byId(String complaintId) {
            calls.add("byId");
            return Optional.ofNullable(byId.get(complaintId));
        }

        @Override
        public void save(DecisionRecord decision) {
            calls.add("save");
            byId.put(decision.id(), decision);
        }

        @Override
        public boolean insert(DecisionRecord decision) {
            calls.add("insert");
            return byId.putIfAbsent(decision.id(), decision) == null;
        }

        @Override
        public List<DecisionRecord> queued() {
            return byId.values().stream().filter(d -> d.outcome() == Outcome.QUEUED)
                    .sorted(Comparator.comparing(DecisionRecord::decidedAt)).toList();
        }
    }

    public static final class CaseStore implements CaseFiles {
        public final Map<String, CaseFile> byId = new LinkedHashMap<>();
        /** Every call that would be a round trip to MongoDB, by method name. */
        public final List<String> calls = new ArrayList<>();

        @Override
        public Optional<CaseFile> byId(String caseId) {
            calls.add("byId");
            return Optional.ofNullable(byId.get(caseId));
        }

        @Override
        public void save(CaseFile file) {
            calls.add("save");
            byId.put(file.id(), file);
        }

        @Override
        public boolean insert(CaseFile file) {
            calls.add("insert");
            return byId.putIfAbsent(file.id(), file) == null;
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
        }

        @Override
        public boolean delete(String id) {
            return byId.remove(id) != null;
        }
    }

    public static final class TableStore implements RuleTables {
        public final TreeMap<Integer, RuleTable> versions = new TreeMap<>();

        @Override
        public Optional<RuleTable> latest() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
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
        public void add(RuleTable table) {
            if (versions.putIfAbsent(table.version(), table) != null) {
                throw new IllegalStateException("version " + table.version() + " taken");
            }
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

    /** Records what would go to {@code cases.dispatched}. */
    public static final class RecordingEvents implements DispatchEvents {
        public final List<Event> published = new ArrayList<>();

        @Override
        public void publish(Event event) {
            published.add(event);
        }

        public <T extends Event> List<T> of(Class<T> type) {
            return published.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
