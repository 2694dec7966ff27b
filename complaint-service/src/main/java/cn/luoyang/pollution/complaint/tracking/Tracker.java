package cn.luoyang.pollution.complaint.tracking;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each complaint's public status current from dispatch-service's and enforcement-service's
 * events. Case events name a case, not complaints: they apply to every complaint of that case
 * (the opener and merged co-reporters). Events this page does not show are ignored.
 */
public final class Tracker {

    private static final int ATTEMPTS = 8;
    /** dispatch-service names a case after the complaint that opened it (INTEGRATION.md). */
    private static final String CASE_PREFIX = "CASE-";

    private final ProgressStore store;

    public Tracker(ProgressStore store) {
        this.store = store;
    }

    /** 洛阳市 for a city-level case (or one without a district), else the district's name. */
    private static String seat(CaseDispatched e) {
        boolean city = e.level() == Level.CITY || e.territory() == null || e.territory().districtName() == null;
        return city ? StatusChange.CITY : e.territory().districtName();
    }

    /** @return how many complaints changed */
    public int on(Event event) {
        if (event instanceof CaseDispatched e) {
            return apply(targets(e.complaintId(), e.caseId(), List.of()),
                    new StatusChange(e.eventId(), PublicStatus.DISPATCHED, e.occurredAt(), e.caseId(), e.leadDepartment(), null,
                            seat(e)));
        }
        if (event instanceof ComplaintMerged e) {
            var handled = store.trackedByCase(e.caseId()).stream().map(Tracked::progress)
                    .filter(p -> p.department() != null).findFirst();
            return apply(targets(e.complaintId(), null, List.of()),
                    new StatusChange(e.eventId(), PublicStatus.MERGED, e.occurredAt(), e.caseId(),
                            handled.map(Progress::department).orElse(null), null, handled.map(Progress::seat).orElse(null)));
        }
        if (event instanceof DispatchFailed e) {
            return apply(targets(e.complaintId(), e.caseId(), List.of()),
                    new StatusChange(e.eventId(), PublicStatus.AWAITING_MANUAL_DISPATCH, e.occurredAt(), e.caseId(), null, e.reason(), null));
        }
        if (event instanceof CaseAccepted e) {
            return apply(targets(null, e.caseId(), List.of()),
                    new StatusChange(e.eventId(), PublicStatus.ACCEPTED, e.occurredAt(), e.caseId(), e.department(), null, null));
        }
        if (event instanceof CaseClosed e) {
            return apply(targets(null, e.caseId(), e.complaintIds() == null ? List.of() : e.complaintIds()),
                    new StatusChange(e.eventId(), PublicStatus.CLOSED, e.occurredAt(), e.caseId(), null, e.reply(), null));
        }
        if (event instanceof CaseReopened e) {
            return apply(targets(null, e.caseId(), List.of()),
                    new StatusChange(e.eventId(), PublicStatus.REOPENED, e.occurredAt(), e.caseId(), null, e.reason(), null));
        }
        return 0;
    }

    private List<Tracked> targets(String complaintId, String caseId, List<String> complaintIds) {
        Map<String, Tracked> found = new LinkedHashMap<>();
        if (complaintId != null) {
            store.trackedById(complaintId).ifPresent(t -> found.put(t.complaintId(), t));
        }
        for (String id : complaintIds) {
            store.trackedById(id).ifPresent(t -> found.put(t.complaintId(), t));
        }
        if (caseId != null) {
            store.trackedByCase(caseId).forEach(t -> found.put(t.complaintId(), t));
            // a case event may overtake the dispatch event (another topic): find the opener by name,
            // unless it is among the complaints already read (then one round trip less)
            String openerNumber = caseId.startsWith(CASE_PREFIX) ? caseId.substring(CASE_PREFIX.length()) : null;
            boolean openerRead = found.values().stream().anyMatch(t -> t.trackingNumber().equals(openerNumber));
            if (openerNumber != null && !openerRead) {
                store.trackedByNumber(openerNumber).ifPresent(t -> found.putIfAbsent(t.complaintId(), t));
            }
        }
        return List.copyOf(found.values());
    }

    private int apply(List<Tracked> targets, StatusChange change) {
        int changed = 0;
        for (Tracked target : targets) {
            if (applyTo(target, change)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Applies the change to the copy the handler just read; only when another writer moved the
     * complaint on meanwhile (version check failed) is it read again.
     */
    private boolean applyTo(Tracked read, StatusChange change) {
        String complaintId = read.complaintId();
        Optional<Tracked> current = Optional.of(read);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                current = store.trackedById(complaintId);
            }
            if (current.isEmpty()) {
                return false;
            }
            Progress before = current.get().progress();
            Progress after = before.apply(change);
            if (after == before) {
                return false;
            }
            if (store.replace(complaintId, before.version(), after)) {
                return true;
            }
        }
        throw new IllegalStateException("progress of " + complaintId + " kept changing under " + change.eventId() + "; the binder will retry");
    }
}
