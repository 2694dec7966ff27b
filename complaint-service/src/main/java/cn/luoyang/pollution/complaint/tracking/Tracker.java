package cn.luoyang.pollution.complaint.tracking;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each complaint's public status current from dispatch-service's and enforcement-service's
 * events. Case events name a case, not complaints: they apply to every complaint of that case
 * (the opener and merged co-reporters). Events this page does not show are ignored.
 *
 * <p>A batch (one poll) is read, decided and written together: the complaints it concerns are read
 * at once, its events applied in memory in poll order, and every complaint it changed written back in
 * one bulk write, each conditioned on the progress's version as read. Applying an event twice changes
 * nothing ({@link Progress#apply}), so a redelivered batch, or an event twice in a batch, writes nothing more.
 */
public final class Tracker {

    private static final int ATTEMPTS = 8;
    /** dispatch-service names a case after the complaint that opened it (INTEGRATION.md). */
    private static final String CASE_PREFIX = "CASE-";

    private final ProgressStore store;

    public Tracker(ProgressStore store) {
        this.store = store;
    }

    /** @return how many complaints changed */
    public int on(Event event) {
        return on(List.of(event));
    }

    /**
     * The events of one batch, with the outcome of applying them one by one in this order.
     *
     * @return how many status changes were made (a complaint moved by two events counts twice)
     */
    public int on(List<Event> events) {
        List<Concern> concerns = events.stream().map(Tracker::concern).flatMap(Optional::stream).toList();
        if (concerns.isEmpty()) {
            return 0;
        }
        TrackedBatch batch = read(concerns);
        int changed = 0;
        for (Concern concern : concerns) {
            changed += apply(concern.event(), batch);
        }
        write(batch.changed());
        return changed;
    }

    /** Which complaints an event is about: named ones, its case's, and the case's opener by tracking number. */
    private record Concern(Event event, List<String> complaintIds, String caseId, String openerNumber) {
    }

    private static Optional<Concern> concern(Event event) {
        if (event instanceof CaseDispatched e) {
            return Optional.of(new Concern(e, ids(e.complaintId()), e.caseId(), opener(e.caseId())));
        }
        if (event instanceof ComplaintMerged e) {
            // the case's complaints tell the department in charge; the opener is not needed for that
            return Optional.of(new Concern(e, ids(e.complaintId()), e.caseId(), null));
        }
        if (event instanceof DispatchFailed e) {
            return Optional.of(new Concern(e, ids(e.complaintId()), e.caseId(), opener(e.caseId())));
        }
        if (event instanceof CaseAccepted e) {
            return Optional.of(new Concern(e, List.of(), e.caseId(), opener(e.caseId())));
        }
        if (event instanceof CaseClosed e) {
            return Optional.of(new Concern(e, e.complaintIds() == null ? List.of() : e.complaintIds(), e.caseId(), opener(e.caseId())));
        }
        if (event instanceof CaseReopened e) {
            return Optional.of(new Concern(e, List.of(), e.caseId(), opener(e.caseId())));
        }
        return Optional.empty();
    }

    private static List<String> ids(String complaintId) {
        return complaintId == null ? List.of() : List.of(complaintId);
    }

    /** A case event may overtake the dispatch event (another topic): its opener is then found by its tracking number. */
    private static String opener(String caseId) {
        return caseId != null && caseId.startsWith(CASE_PREFIX) ? caseId.substring(CASE_PREFIX.length()) : null;
    }

    /**
     * At most three queries, whatever the batch's size: by complaint id, by case, and by tracking number only for
     * openers not among the complaints already read.
     */
    private TrackedBatch read(List<Concern> concerns) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> cases = new LinkedHashSet<>();
        Set<String> openers = new LinkedHashSet<>();
        for (Concern c : concerns) {
            ids.addAll(c.complaintIds());
            if (c.caseId() != null) {
                cases.add(c.caseId());
            }
            if (c.openerNumber() != null) {
                openers.add(c.openerNumber());
            }
        }
        List<Tracked> read = new ArrayList<>();
        if (!ids.isEmpty()) {
            read.addAll(store.trackedByIds(ids));
        }
        if (!cases.isEmpty()) {
            read.addAll(store.trackedByCases(cases));
        }
        TrackedBatch first = new TrackedBatch(read);
        List<String> unread = openers.stream().filter(n -> !first.holdsNumber(n)).toList();
        if (unread.isEmpty()) {
            return first;
        }
        read.addAll(store.trackedByNumbers(unread));
        return new TrackedBatch(read);
    }

    /** 洛阳市 for a city-level case (or one without a district), else the district's name. */
    private static String seat(CaseDispatched e) {
        boolean city = e.level() == Level.CITY || e.territory() == null || e.territory().districtName() == null;
        return city ? StatusChange.CITY : e.territory().districtName();
    }

    private static int apply(Event event, TrackedBatch batch) {
        if (event instanceof CaseDispatched e) {
            return batch.apply(batch.targets(e.complaintId(), List.of(), e.caseId(), opener(e.caseId())),
                    new StatusChange(e.eventId(), PublicStatus.DISPATCHED, e.occurredAt(), e.caseId(), e.leadDepartment(), null,
                            seat(e)));
        }
        if (event instanceof ComplaintMerged e) {
            var handled = batch.ofCase(e.caseId()).stream().map(TrackedBatch.Entry::progress)
                    .filter(p -> p.department() != null).findFirst();
            return batch.apply(batch.targets(e.complaintId(), List.of(), null, null),
                    new StatusChange(e.eventId(), PublicStatus.MERGED, e.occurredAt(), e.caseId(),
                            handled.map(Progress::department).orElse(null), null, handled.map(Progress::seat).orElse(null)));
        }
        if (event instanceof DispatchFailed e) {
            return batch.apply(batch.targets(e.complaintId(), List.of(), e.caseId(), opener(e.caseId())),
                    new StatusChange(e.eventId(), PublicStatus.AWAITING_MANUAL_DISPATCH, e.occurredAt(), e.caseId(), null, e.reason(), null));
        }
        if (event instanceof CaseAccepted e) {
            return batch.apply(batch.targets(null, List.of(), e.caseId(), opener(e.caseId())),
                    new StatusChange(e.eventId(), PublicStatus.ACCEPTED, e.occurredAt(), e.caseId(), e.department(), null, null));
        }
        if (event instanceof CaseClosed e) {
            return batch.apply(batch.targets(null, e.complaintIds() == null ? List.of() : e.complaintIds(), e.caseId(), opener(e.caseId())),
                    new StatusChange(e.eventId(), PublicStatus.CLOSED, e.occurredAt(), e.caseId(), null, e.reply(), null));
        }
        if (event instanceof CaseReopened e) {
            return batch.apply(batch.targets(null, List.of(), e.caseId(), opener(e.caseId())),
                    new StatusChange(e.eventId(), PublicStatus.REOPENED, e.occurredAt(), e.caseId(), null, e.reason(), null));
        }
        return 0;
    }

    /**
     * One bulk write for the batch. When another writer moved one of its complaints on meanwhile (its version
     * check failed), each changed complaint is read again and this batch's changes applied to it, skipping those
     * already there: so the ones the bulk wrote are left alone and none is lost.
     */
    private void write(List<TrackedBatch.Entry> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<ProgressStore.Replacement> replacements = changed.stream()
                .map(e -> new ProgressStore.Replacement(e.complaintId(), e.versionRead(), e.progress())).toList();
        if (store.replaceAll(replacements)) {
            return;
        }
        changed.forEach(e -> applyAgain(e.complaintId(), e.applied()));
    }

    private void applyAgain(String complaintId, List<StatusChange> changes) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Tracked> current = store.trackedById(complaintId);
            if (current.isEmpty()) {
                return;
            }
            Progress before = current.get().progress();
            Progress after = before;
            for (StatusChange change : changes) {
                after = after.apply(change);
            }
            if (after == before || store.replace(complaintId, before.version(), after)) {
                return;
            }
        }
        throw new IllegalStateException("progress of " + complaintId + " kept changing under " + changes.size()
                + " change(s) of a batch; the batch is tried again");
    }
}
