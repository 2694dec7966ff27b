package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.rules.Routing;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns each registered complaint into exactly one published outcome: CaseDispatched (a new case,
 * id {@code CASE-<tracking number>}), ComplaintMerged or DispatchFailed. The decision is stored
 * under the complaint id before its event is published; a redelivered complaint republishes the
 * stored event (same event id, so consumers see a duplicate they already ignore) and never
 * decides again.
 */
public final class Dispatching {

    private final Dispatcher dispatcher;
    private final Decisions decisions;
    private final CaseFiles files;
    private final OpenCases openCases;
    private final DispatchEvents events;
    private final CaseLock lock;
    private final Clock clock;
    private final Supplier<String> eventIds;

    public Dispatching(Dispatcher dispatcher, Decisions decisions, CaseFiles files, OpenCases openCases,
            DispatchEvents events, CaseLock lock, Clock clock, Supplier<String> eventIds) {
        this.dispatcher = dispatcher;
        this.decisions = decisions;
        this.files = files;
        this.openCases = openCases;
        this.events = events;
        this.lock = lock;
        this.clock = clock;
        this.eventIds = eventIds;
    }

    /** Rebuilds the merge index from the case files (the embedded MongoDB has no geo queries). */
    public void start() {
        for (CaseStatus status : List.of(CaseStatus.OPEN, CaseStatus.AWAITING_ARBITRATION)) {
            files.withStatus(status).forEach(this::index);
        }
    }

    public DecisionRecord registered(ComplaintRegistered event) {
        return lock.with(() -> {
            Optional<DecisionRecord> earlier = decisions.byId(event.complaintId());
            if (earlier.isPresent()) {
                republish(earlier.get());
                return earlier.get();
            }
            Complaint complaint = Complaint.of(event);
            Optional<CaseFile> opened = files.byId(complaint.caseId());
            if (opened.isPresent() && opened.get().lastDispatch() != null) {
                // The case was filed but the decision was not: finish what the crashed attempt started.
                CaseDispatched dispatched = opened.get().lastDispatch();
                DecisionRecord record = record(complaint, Outcome.DISPATCHED, dispatched.caseId(), null, null, List.of(),
                        dispatched.trace(), dispatched, null, null);
                decisions.save(record);
                events.publish(dispatched);
                return record;
            }
            return apply(complaint, dispatcher.decide(complaint));
        });
    }

    private DecisionRecord apply(Complaint complaint, Decision decision) {
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
        decisions.save(record);
        events.publish(failed);
        return record;
    }

    private DecisionRecord open(Complaint complaint, Decision.Dispatch d) {
        Routing r = d.routing();
        CaseDispatched dispatched = new CaseDispatched(eventIds.get(), complaint.caseId(), complaint.complaintId(),
                complaint.trackingNumber(), complaint.category(), complaint.location(), d.territory(), r.leadDepartment(),
                r.coHandlingDepartments(), r.level(), r.priority(), r.deadlineProfile(),
                d.source() == null ? null : d.source().source().id(), r.ruleId(), r.ruleVersion(), 1, false, d.trace(),
                clock.instant(), CaseDispatched.VERSION);
        CaseFile file = newFile(complaint, d.point(), d.territory(), dispatched.sourceId()).dispatched(dispatched, clock.instant());
        files.save(file);
        DecisionRecord record = record(complaint, Outcome.DISPATCHED, dispatched.caseId(), null, null, List.of(), d.trace(),
                dispatched, null, null);
        decisions.save(record);
        index(file);
        events.publish(dispatched);
        return record;
    }

    private DecisionRecord merge(Complaint complaint, Decision.Merge m) {
        String caseId = m.target().openCase().caseId();
        CaseFile file = files.byId(caseId).orElseThrow(() -> new IllegalStateException("merge target " + caseId + " has no file"));
        files.save(file.withComplaint(complaint.complaintId(), clock.instant()));
        ComplaintMerged merged = new ComplaintMerged(eventIds.get(), caseId, complaint.complaintId(), complaint.trackingNumber(),
                m.target().metres(), m.target().minutesApart(), clock.instant(), ComplaintMerged.VERSION);
        DecisionRecord record = record(complaint, Outcome.MERGED, caseId, null, null, List.of(), m.trace(), null, merged, null);
        decisions.save(record);
        events.publish(merged);
        return record;
    }

    /** Creates a case file for a complaint opening a case (by rule or by hand). */
    static CaseFile newFile(Complaint complaint, LonLat point, Territory territory, String sourceId) {
        return new CaseFile(complaint.caseId(), complaint.complaintId(), complaint.trackingNumber(), complaint.category(),
                complaint.location(), point == null ? null : point.longitude(), point == null ? null : point.latitude(),
                complaint.reportedAt(), territory, sourceId, List.of(complaint.complaintId()), CaseStatus.OPEN, List.of(), 0, 0,
                null, null, null, List.of(), List.of(), null);
    }

    void index(CaseFile file) {
        if (file.gcjLongitude() != null && file.gcjLatitude() != null && file.reportedAt() != null) {
            openCases.open(new OpenCase(file.id(), file.category(), new LonLat(file.gcjLongitude(), file.gcjLatitude()),
                    file.reportedAt()));
        }
    }

    private void republish(DecisionRecord record) {
        switch (record.outcome()) {
            case DISPATCHED -> events.publish(record.dispatched());
            case MERGED -> events.publish(record.merged());
            case QUEUED, ASSIGNED -> events.publish(record.failed());
        }
    }

    private DecisionRecord record(Complaint c, Outcome outcome, String caseId, String reason, String detail,
            List<String> candidates, List<cn.luoyang.pollution.contracts.dispatch.TraceStep> trace, CaseDispatched dispatched,
            ComplaintMerged merged, DispatchFailed failed) {
        return new DecisionRecord(c.complaintId(), c.trackingNumber(), c.category(), c.location(), c.addressText(),
                c.reportedAt(), outcome, caseId, reason, detail, candidates, trace, dispatched, merged, failed, null,
                clock.instant());
    }
}
