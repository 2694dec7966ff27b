package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.SiteContact;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.dispatch.duplicates.Neighbourhood;
import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.geo.ChinaDatum;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.SourceLink;
import cn.luoyang.pollution.dispatch.rules.Routing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The dispatch desk (派单): has the {@link Dispatcher} decide each registered complaint, then stores
 * the decision with its event in the decision's outbox (one write) and has it published, so every
 * complaint ends in exactly one published outcome: CaseDispatched (a new case, id
 * {@code CASE-<tracking number>}), ComplaintMerged or DispatchFailed. A redelivered complaint
 * announces the stored event again (same event id, so consumers see a duplicate they already
 * ignore) and never decides again.
 */
public final class DispatchDesk {

    /** Each failed claim means a case opened next to this one meanwhile; more than a few in a row is a fault. */
    private static final int MAX_ATTEMPTS = 20;

    private final Dispatcher dispatcher;
    private final Decisions decisions;
    private final CaseFiles files;
    private final OpenCases openCases;
    private final DispatchEvents events;
    private final Clock clock;
    private final Supplier<String> eventIds;

    public DispatchDesk(Dispatcher dispatcher, Decisions decisions, CaseFiles files, OpenCases openCases,
            DispatchEvents events, Clock clock, Supplier<String> eventIds) {
        this.dispatcher = dispatcher;
        this.decisions = decisions;
        this.files = files;
        this.openCases = openCases;
        this.events = events;
        this.clock = clock;
        this.eventIds = eventIds;
    }

    public DecisionRecord registered(ComplaintRegistered event) {
        Complaint complaint = Complaint.of(event);
        Pending pending = decide(complaint);
        return pending.finished() != null ? pending.finished() : stored(complaint, pending.record(), pending.claimed());
    }

    /**
     * A batch of registered complaints (Kafka batch mode), with the guarantees of {@link #registered(ComplaintRegistered)}
     * one by one: decided in record order (each decision sees the cases opened before it, in this batch too), then the
     * decisions stored in one bulk insert, the new case files in another, the merges in one bulk update, and the events
     * published. A complaint twice in the batch (a redelivery caught up with its first delivery) starts a new run, so it
     * finds its first decision stored and announces it again, as a redelivery does.
     */
    public List<DecisionRecord> registered(List<ComplaintRegistered> batch) {
        List<DecisionRecord> done = new ArrayList<>();
        for (List<Complaint> run : runs(batch)) {
            List<Pending> fresh = new ArrayList<>();
            for (Complaint complaint : run) {
                Pending pending = decide(complaint);
                if (pending.finished() != null) {
                    done.add(pending.finished());
                } else {
                    fresh.add(pending);
                }
            }
            done.addAll(storedTogether(fresh));
        }
        return done;
    }

    /** The batch cut into runs, in order, in which no complaint appears twice. */
    static List<List<Complaint>> runs(List<ComplaintRegistered> batch) {
        List<List<Complaint>> runs = new ArrayList<>();
        List<Complaint> run = new ArrayList<>();
        Set<String> inRun = new HashSet<>();
        for (ComplaintRegistered event : batch) {
            Complaint complaint = Complaint.of(event);
            if (!inRun.add(complaint.complaintId())) {
                runs.add(run);
                run = new ArrayList<>();
                inRun = new HashSet<>(Set.of(complaint.complaintId()));
            }
            run.add(complaint);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /**
     * Decides a complaint and, for a new case, claims its merge cells; a redelivery whose case is in the cells
     * already is finished on the spot.
     */
    private Pending decide(Complaint complaint) {
        for (int attempt = 1; ; attempt++) {
            Decision decision = dispatcher.decide(complaint);
            Neighbourhood seen = seen(decision);
            if (seen != null && seen.holdsOwnCase()) {
                // Its case is a merge target already: this is a redelivery (a case is never its own merge target).
                return new Pending(complaint, null, null, redelivered(complaint, decision));
            }
            if (!(decision instanceof Decision.Dispatch d) || d.seen() == null || openCases.open(d.seen(), opened(complaint, d))) {
                return fresh(complaint, decision);
            }
            // A case opened nearby (on this or another instance) since the cells were read: decide again, seeing it.
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("merge cells around " + complaint.complaintId() + " kept changing; "
                        + MAX_ATTEMPTS + " decisions tried");
            }
        }
    }

    /** A decision made and not yet stored ({@code claimed}: the cells a new case claimed), or a redelivery {@code finished}. */
    private record Pending(Complaint complaint, DecisionRecord record, Neighbourhood claimed, DecisionRecord finished) {
    }

    /**
     * Stores the decisions of a run together: one bulk insert of the decisions, one of the new case files, one bulk
     * update for the merges (after the files, so a merge into a case opened in the same run finds its file); then the
     * events are published. Whatever a bulk write found stored already (a redelivery; a file written before a crash) is
     * finished one by one, as a single delivery would.
     */
    private List<DecisionRecord> storedTogether(List<Pending> fresh) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        Set<String> inserted = decisions.insertAll(fresh.stream()
                .map(p -> new Decisions.Announced(p.record(), announced(p.record()))).toList());
        List<CaseFile> newFiles = new ArrayList<>();
        List<CaseFiles.Join> joins = new ArrayList<>();
        for (Pending p : fresh) {
            DecisionRecord record = p.record();
            if (!inserted.contains(record.id())) {
                continue;
            }
            if (record.outcome() == Outcome.DISPATCHED) {
                newFiles.add(caseFile(p.complaint(), record));
            } else if (record.outcome() == Outcome.MERGED) {
                joins.add(new CaseFiles.Join(record.caseId(), record.id()));
            }
        }
        Set<String> filed = newFiles.isEmpty() ? Set.of() : files.insertAll(newFiles);
        if (!joins.isEmpty() && !files.addComplaints(joins, clock.instant())) {
            // a target opened elsewhere and not filed yet: each merge waits for its file, as one by one
            joins.forEach(j -> joinCase(j.caseId(), j.complaintId()));
        }
        List<DecisionRecord> done = new ArrayList<>();
        for (Pending p : fresh) {
            DecisionRecord record = p.record();
            if (!inserted.contains(record.id())) {
                done.add(storedEarlier(p.complaint(), p.claimed()));
                continue;
            }
            if (record.outcome() == Outcome.DISPATCHED && !filed.contains(record.caseId())) {
                record = filedEarlier(record, false);
            }
            events.publishSoon(record.id());
            done.add(record);
        }
        return done;
    }

    private static Neighbourhood seen(Decision decision) {
        if (decision instanceof Decision.Dispatch d) {
            return d.seen();
        }
        return decision instanceof Decision.Merge m ? m.seen() : null;
    }

    private static OpenCase opened(Complaint complaint, Decision.Dispatch d) {
        return new OpenCase(complaint.caseId(), complaint.category(), d.point(), complaint.reportedAt());
    }

    /**
     * Each outcome stores its decision first, by insert on the complaint id: a redelivery fails that
     * insert and takes the stored decision instead of deciding again (the world may have changed since,
     * e.g. the merge target closed). The case file follows; a crash in between is finished on redelivery.
     */
    private DecisionRecord apply(Complaint complaint, Decision decision) {
        Pending pending = fresh(complaint, decision);
        return stored(complaint, pending.record(), pending.claimed());
    }

    /** The decision's record with its event, not yet stored. */
    private Pending fresh(Complaint complaint, Decision decision) {
        if (decision instanceof Decision.Dispatch d) {
            return open(complaint, d);
        }
        if (decision instanceof Decision.Merge m) {
            return merge(complaint, m);
        }
        Decision.Queue q = (Decision.Queue) decision;
        DispatchFailed failed = new DispatchFailed(eventIds.get(), complaint.complaintId(), complaint.trackingNumber(), null,
                q.reason(), q.detail(), q.candidates(), q.trace(), clock.instant(), DispatchFailed.VERSION);
        DecisionRecord record = record(complaint, Outcome.QUEUED, null, q.reason(), q.detail(), q.candidates(), q.trace(),
                null, null, failed);
        return new Pending(complaint, record, null, null);
    }

    private Pending open(Complaint complaint, Decision.Dispatch d) {
        Routing r = d.routing();
        CaseDispatched dispatched = new CaseDispatched(eventIds.get(), complaint.caseId(), complaint.complaintId(),
                complaint.trackingNumber(), complaint.category(), complaint.location(), d.territory(), d.team(), r.leadDepartment(),
                r.coHandlingDepartments(), Level.valueOf(r.level()), Priority.valueOf(r.priority()), r.deadlineProfile(),
                d.source() == null ? null : d.source().source().id(), r.ruleId(), r.ruleVersion(), 1, false, d.trace(),
                clock.instant(), CaseDispatched.VERSION).withSiteContact(siteContact(complaint, d.source()));
        DecisionRecord record = record(complaint, Outcome.DISPATCHED, dispatched.caseId(), null, null, List.of(), d.trace(),
                dispatched, null, null);
        return new Pending(complaint, record, d.seen(), null);
    }

    /**
     * A case opened by an online monitor (no reporter) is told to its site's responsible person, when the registry
     * holds that person's mobile: the sealed form travels to notification-service, which alone can open it.
     */
    private static SiteContact siteContact(Complaint complaint, SourceLink link) {
        if (complaint.monitorMn() == null || link == null || link.source().responsibleMobile() == null) {
            return null;
        }
        PollutionSource s = link.source();
        Complaint.MonitorFault fault = complaint.monitorFault();
        return new SiteContact(s.name(), s.responsiblePerson(), s.responsibleMobile().sealed(), s.responsibleMobile().masked(),
                complaint.monitorMn(), fault == null ? null : fault.kind(), fault == null ? null : fault.factor());
    }

    private Pending merge(Complaint complaint, Decision.Merge m) {
        String caseId = m.target().openCase().caseId();
        ComplaintMerged merged = new ComplaintMerged(eventIds.get(), caseId, complaint.complaintId(), complaint.trackingNumber(),
                m.target().metres(), m.target().minutesApart(), clock.instant(), ComplaintMerged.VERSION);
        DecisionRecord record = record(complaint, Outcome.MERGED, caseId, null, null, List.of(), m.trace(), null, merged, null);
        return new Pending(complaint, record, null, null);
    }

    /** Stores a fresh decision with its event, or finds the one stored by an earlier delivery; then files it and publishes its event. */
    private DecisionRecord stored(Complaint complaint, DecisionRecord fresh, Neighbourhood claimed) {
        if (!decisions.insert(fresh, announced(fresh))) {
            return storedEarlier(complaint, claimed);
        }
        DecisionRecord record = file(complaint, fresh, false);
        events.publishSoon(record.id());
        return record;
    }

    /** A complaint decided by an earlier delivery: its stored decision is filed (idempotent) and announced again. */
    private DecisionRecord storedEarlier(Complaint complaint, Neighbourhood claimed) {
        DecisionRecord record = decisions.byId(complaint.complaintId())
                .orElseThrow(() -> new IllegalStateException("decision on " + complaint.complaintId() + " vanished"));
        if (claimed != null) {
            // An earlier delivery decided, and its case is not in the cells (closed since, or it was never a
            // case): this delivery's claim must not bring it back as a merge target.
            openCases.withdraw(claimed, complaint.caseId());
        }
        record = file(complaint, record, true);
        republish(record);
        return record;
    }

    /** Makes the case files agree with the decision; idempotent, so a redelivery can run it again. */
    private DecisionRecord file(Complaint complaint, DecisionRecord record, boolean again) {
        switch (record.outcome()) {
            case DISPATCHED -> {
                return files.insert(caseFile(complaint, record)) ? record : filedEarlier(record, again);
            }
            case MERGED -> {
                joinCase(record.caseId(), complaint.complaintId());
                return record;
            }
            default -> {
                return record;
            }
        }
    }

    private CaseFile caseFile(Complaint complaint, DecisionRecord record) {
        CaseDispatched dispatched = record.dispatched();
        return newFile(complaint, gcj(record), dispatched.territory(), dispatched.sourceId()).dispatched(dispatched, clock.instant());
    }

    /**
     * A case filed already by an earlier delivery. If that attempt stored the file but not the decision, its file's
     * event is the one to keep.
     */
    private DecisionRecord filedEarlier(DecisionRecord record, boolean again) {
        CaseDispatched dispatched = record.dispatched();
        CaseFile existing = files.byId(record.caseId()).orElseThrow();
        if (!again && existing.lastDispatch() != null && existing.routingRound() == 1
                && !existing.lastDispatch().eventId().equals(dispatched.eventId())) {
            DecisionRecord kept = withDispatched(record, existing.lastDispatch());
            decisions.save(kept, kept.dispatched());
            return kept;
        }
        return record;
    }

    /**
     * Adds a merged complaint to its case. The case's opener files it right after claiming its cell,
     * possibly on another instance, so a merge that comes in between waits a little; if the file is
     * still missing, the exception makes the binder deliver the complaint again later.
     */
    private void joinCase(String caseId, String complaintId) {
        for (int wait = 1; !files.addComplaint(caseId, complaintId, clock.instant()); wait++) {
            if (wait > 50) {
                throw new IllegalStateException("merge target " + caseId + " has no file");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while case " + caseId + " was being filed", e);
            }
        }
    }

    /**
     * A complaint whose case is a merge target already: publish what was decided, finishing a crashed
     * attempt (the cell is claimed before the decision and the case file are stored).
     */
    private DecisionRecord redelivered(Complaint complaint, Decision decision) {
        Optional<DecisionRecord> earlier = decisions.byId(complaint.complaintId());
        if (earlier.isPresent()) {
            DecisionRecord record = file(complaint, earlier.get(), true);
            republish(record);
            return record;
        }
        Optional<CaseDispatched> filed = files.byId(complaint.caseId()).map(CaseFile::lastDispatch);
        if (filed.isPresent()) {
            // The case was filed but the decision was not (the order before decisions came first): finish it.
            CaseDispatched dispatched = filed.get();
            DecisionRecord record = record(complaint, Outcome.DISPATCHED, dispatched.caseId(), null, null, List.of(),
                    dispatched.trace(), dispatched, null, null);
            decisions.save(record, dispatched);
            events.publishSoon(record.id());
            return record;
        }
        // Only the claim was made before a crash: it stands if the complaint still opens a case, else it is withdrawn.
        if (!(decision instanceof Decision.Dispatch)) {
            openCases.withdraw(seen(decision), complaint.caseId());
        }
        return apply(complaint, decision);
    }

    private static LonLat gcj(DecisionRecord record) {
        return record.location() == null ? null : ChinaDatum.toGcj02(record.location());
    }

    private static DecisionRecord withDispatched(DecisionRecord r, CaseDispatched event) {
        return new DecisionRecord(r.id(), r.trackingNumber(), r.category(), r.location(), r.addressText(), r.reportedAt(),
                r.outcome(), event.caseId(), r.reason(), r.detail(), r.candidates(), event.trace(), event, r.merged(), r.failed(),
                r.assignment(), r.decidedAt());
    }

    /** Creates a case file for a complaint opening a case (by rule or by hand). */
    static CaseFile newFile(Complaint complaint, LonLat point, Territory territory, String sourceId) {
        return new CaseFile(complaint.caseId(), complaint.complaintId(), complaint.trackingNumber(), complaint.category(),
                complaint.location(), point == null ? null : point.longitude(), point == null ? null : point.latitude(),
                complaint.reportedAt(), territory, sourceId, List.of(complaint.complaintId()), CaseStatus.OPEN, List.of(), 0, 0,
                null, null, null, List.of(), List.of(), null, 0);
    }

    /** A redelivery's answer: the decision's event once more, through its outbox. */
    private void republish(DecisionRecord record) {
        decisions.announce(record.id(), announced(record));
        events.publishSoon(record.id());
    }

    /** The event a decision announces: what a redelivery republishes (a hand assignment's own event is the queue's). */
    private static Event announced(DecisionRecord record) {
        return switch (record.outcome()) {
            case DISPATCHED -> record.dispatched();
            case MERGED -> record.merged();
            case QUEUED, ASSIGNED -> record.failed();
        };
    }

    private DecisionRecord record(Complaint c, Outcome outcome, String caseId, String reason, String detail,
            List<String> candidates, List<cn.luoyang.pollution.contracts.dispatch.TraceStep> trace, CaseDispatched dispatched,
            ComplaintMerged merged, DispatchFailed failed) {
        return new DecisionRecord(c.complaintId(), c.trackingNumber(), c.category(), c.location(), c.addressText(),
                c.reportedAt(), outcome, caseId, reason, detail, candidates, trace, dispatched, merged, failed, null,
                clock.instant());
    }
}
