package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.cases.CaseEvent;
import cn.luoyang.pollution.contracts.cases.CaseLifecycleEvent;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a {@link Case} remembers, with read access for views and reports, and the bookkeeping every
 * verb shares (its signed history, the events it queues). Kept apart from the verbs so that the aggregate
 * reads as its rules. Fields are written only by {@link Case} and the package's collaborators it hands
 * them to ({@link Routing}, {@link CaseClocks}, {@link RectificationChecks}).
 */
public abstract class CaseRecord {

    String id;
    long version;
    String trackingNumber;
    List<String> complaintIds = new ArrayList<>();
    String category;
    GeoPoint location;
    Territory territory;
    /** The roster's grid leader and members of {@code territory.gridId} (网格长、网格员), as dispatch sent them; may be null. */
    GridTeam gridTeam;
    String sourceId;
    Level level;
    Priority priority;
    String deadlineProfile;
    int routingRound;
    boolean arbitrated;
    List<TraceStep> dispatchTrace = new ArrayList<>();
    Unit lead;
    List<Unit> coHandlers = new ArrayList<>();
    CaseState state;
    Instant openedAt;
    List<Assignment> assignments = new ArrayList<>();
    int returnCount;
    String inspectorId;
    Instant rectificationDeadline;
    List<RectificationCheck> rectificationChecks = new ArrayList<>();
    Penalty penalty;
    List<Closure> closures = new ArrayList<>();
    List<ClosureRequest> closureRequests = new ArrayList<>();
    List<Contribution> contributions = new ArrayList<>();
    List<Extension> extensions = new ArrayList<>();
    boolean listedForSupervision;
    int urgeCount;
    Reinspection reinspection;
    List<Feedback> feedback = new ArrayList<>();
    int reopenCount;
    CaseClocks clocks = new CaseClocks();
    List<HistoryEntry> history = new ArrayList<>();
    Set<String> processedEvents = new LinkedHashSet<>();

    /** Events queued by verbs since the case was loaded; the store moves them to the outbox. */
    private transient List<CaseEvent> pendingEvents;
    /** How many history entries the store already holds; only later ones are appended. */
    private transient int storedHistory;

    List<CaseEvent> pending() {
        if (pendingEvents == null) {
            pendingEvents = new ArrayList<>();
        }
        return pendingEvents;
    }

    /** Appends one signed entry to the history (its hash chained to the one before). */
    void record(String action, CaseState from, CaseState to, Actor actor, Instant at, List<String> evidence,
            String note, String eventId) {
        new History(history).append(action, from, to, actor, at, evidence, note, eventId);
    }

    /** Queues an event for the store's outbox, written with the case. */
    void queue(CaseEvent event) {
        pending().add(event);
    }

    /** One signed step of a verb, in the state it left the case in: its history entry (action and note as the timeline shows them) and the fact it publishes. */
    void step(String action, CaseState from, Actor actor, Instant now, List<String> evidence, String note,
            Function<String, CaseLifecycleEvent> fact) {
        String eventId = newId();
        record(action, from, state, actor, now, evidence, note, eventId);
        queue(fact.apply(eventId));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Events queued since loading, in order. */
    public List<CaseEvent> newEvents() {
        return List.copyOf(pending());
    }

    /** History entries added since loading, in order: the store appends exactly these. */
    public List<HistoryEntry> newHistory() {
        return List.copyOf(history.subList(storedHistory, history.size()));
    }

    /** Called by the store after loading or saving: nothing is new any more. */
    public void markStored(long storedVersion) {
        version = storedVersion;
        storedHistory = history.size();
        pending().clear();
    }

    /** What the case remembers, for a store to write. */
    public CaseSnapshot snapshot() {
        return new CaseSnapshot(id, version, trackingNumber, List.copyOf(complaintIds), category, location, territory,
                gridTeam, sourceId, level, priority, deadlineProfile, routingRound, arbitrated, List.copyOf(dispatchTrace), lead,
                List.copyOf(coHandlers), state, openedAt, List.copyOf(assignments), returnCount, inspectorId,
                rectificationDeadline, List.copyOf(rectificationChecks), penalty, List.copyOf(closures),
                List.copyOf(closureRequests), List.copyOf(contributions), List.copyOf(extensions), listedForSupervision,
                urgeCount, reinspection, List.copyOf(feedback), reopenCount, List.copyOf(clocks.running), clocks.nextDueAt,
                List.copyOf(history), new LinkedHashSet<>(processedEvents));
    }

    /** Fills this (new) case with what a store read; nothing is new afterwards. */
    void restoreFrom(CaseSnapshot s) {
        id = s.id();
        trackingNumber = s.trackingNumber();
        complaintIds = new ArrayList<>(orEmpty(s.complaintIds()));
        category = s.category();
        location = s.location();
        territory = s.territory();
        gridTeam = s.gridTeam();
        sourceId = s.sourceId();
        level = s.level();
        priority = s.priority();
        deadlineProfile = s.deadlineProfile();
        routingRound = s.routingRound();
        arbitrated = s.arbitrated();
        dispatchTrace = new ArrayList<>(orEmpty(s.dispatchTrace()));
        lead = s.lead();
        coHandlers = new ArrayList<>(orEmpty(s.coHandlers()));
        state = s.state();
        openedAt = s.openedAt();
        assignments = new ArrayList<>(orEmpty(s.assignments()));
        returnCount = s.returnCount();
        inspectorId = s.inspectorId();
        rectificationDeadline = s.rectificationDeadline();
        rectificationChecks = new ArrayList<>(orEmpty(s.rectificationChecks()));
        penalty = s.penalty();
        closures = new ArrayList<>(orEmpty(s.closures()));
        closureRequests = new ArrayList<>(orEmpty(s.closureRequests()));
        contributions = new ArrayList<>(orEmpty(s.contributions()));
        extensions = new ArrayList<>(orEmpty(s.extensions()));
        listedForSupervision = s.listedForSupervision();
        urgeCount = s.urgeCount();
        reinspection = s.reinspection();
        feedback = new ArrayList<>(orEmpty(s.feedback()));
        reopenCount = s.reopenCount();
        clocks = new CaseClocks();
        clocks.running = new ArrayList<>(orEmpty(s.clocks()));
        clocks.nextDueAt = s.nextDueAt();
        history = new ArrayList<>(orEmpty(s.history()));
        processedEvents = s.processedEvents() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(s.processedEvents());
        markStored(s.version());
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    public String id() { return id; }
    public long version() { return version; }
    public String trackingNumber() { return trackingNumber; }
    public List<String> complaintIds() { return Collections.unmodifiableList(complaintIds); }
    public String category() { return category; }
    public GeoPoint location() { return location; }
    public Territory territory() { return territory; }
    public GridTeam gridTeam() { return gridTeam; }
    public String sourceId() { return sourceId; }
    public Level level() { return level; }
    public Priority priority() { return priority; }
    public String deadlineProfile() { return deadlineProfile; }
    public int routingRound() { return routingRound; }
    public boolean arbitrated() { return arbitrated; }
    public List<TraceStep> dispatchTrace() { return Collections.unmodifiableList(dispatchTrace); }
    public Unit lead() { return lead; }
    public List<Unit> coHandlers() { return Collections.unmodifiableList(coHandlers); }
    public CaseState state() { return state; }
    public Instant openedAt() { return openedAt; }
    public List<Assignment> assignments() { return Collections.unmodifiableList(assignments); }
    public int returnCount() { return returnCount; }
    public String inspectorId() { return inspectorId; }
    public Instant rectificationDeadline() { return rectificationDeadline; }
    public List<RectificationCheck> rectificationChecks() { return Collections.unmodifiableList(rectificationChecks); }
    public Penalty penalty() { return penalty; }
    public List<Closure> closures() { return Collections.unmodifiableList(closures); }
    public List<ClosureRequest> closureRequests() { return Collections.unmodifiableList(closureRequests); }
    public List<Contribution> contributions() { return Collections.unmodifiableList(contributions); }
    public List<Extension> extensions() { return Collections.unmodifiableList(extensions); }
    public boolean listedForSupervision() { return listedForSupervision; }
    public int urgeCount() { return urgeCount; }
    public Reinspection reinspection() { return reinspection; }
    public List<Feedback> feedback() { return Collections.unmodifiableList(feedback); }
    public int reopenCount() { return reopenCount; }
    public CaseClocks clocks() { return clocks; }

    public Optional<String> gridId() {
        return Optional.ofNullable(territory).map(Territory::gridId);
    }

    /** Whether the roster names this person as the case's grid leader or one of its grid members. */
    public boolean onGridTeam(String userId) {
        if (gridTeam == null || userId == null) {
            return false;
        }
        return (gridTeam.leader() != null && userId.equals(gridTeam.leader().userId()))
                || gridTeam.members().stream().anyMatch(m -> userId.equals(m.userId()));
    }

    /** Whether a 到期复查 finding can be recorded now: a rectification order whose deadline has passed. */
    public boolean rectificationCheckDue(Instant now) {
        return state == CaseState.RECTIFICATION_ORDERED
                && clocks.active(ClockName.RECTIFY).map(rectify -> !now.isBefore(rectify.deadline())).orElse(false);
    }

    /** The closure request waiting for its verifier, if any. */
    public Optional<ClosureRequest> pendingClosure() {
        return new ClosureReview(closureRequests).pending();
    }

    /** True when {@code userId} signed the handling of this case or its pending closure's evidence, so may not verify it. */
    public boolean handledBy(String userId) {
        return new ClosureReview(closureRequests).excludes(userId, history);
    }

    /** The unit that led the case at {@code at}: the routing round in force then (the first before any). */
    public Unit leadAt(Instant at) {
        return new Assignments(assignments).leadAt(at, lead);
    }

    public Optional<Extension> pendingExtension() {
        return new Extensions(extensions).pending();
    }

    public History history() {
        return new History(new ArrayList<>(history));
    }

    public boolean isLeadOrCoHandler(Unit unit) {
        return lead.equals(unit) || coHandlers.contains(unit);
    }

    public Set<String> complaintIdSet() {
        return new LinkedHashSet<>(complaintIds);
    }
}
