package cn.luoyang.pollution.complaint.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The complaints one batch of case events concerns, as read, and their progress as the batch's events move it
 * in memory: each event sees what the events before it did (a merge after the dispatch of its case finds the
 * department, an acceptance finds the complaints merged into its case just before), as one by one it would see
 * them stored.
 */
final class TrackedBatch {

    private final Map<String, Entry> byId = new LinkedHashMap<>();

    TrackedBatch(Collection<Tracked> read) {
        read.forEach(t -> byId.putIfAbsent(t.complaintId(), new Entry(t)));
    }

    boolean holdsNumber(String trackingNumber) {
        return byId.values().stream().anyMatch(e -> e.read.trackingNumber().equals(trackingNumber));
    }

    /** The complaints an event names (by id, among ids, by case as the batch has moved them, the opener by number). */
    List<Entry> targets(String complaintId, List<String> complaintIds, String caseId, String openerNumber) {
        Set<Entry> found = new LinkedHashSet<>();
        if (complaintId != null && byId.containsKey(complaintId)) {
            found.add(byId.get(complaintId));
        }
        complaintIds.stream().filter(byId::containsKey).forEach(id -> found.add(byId.get(id)));
        if (caseId != null) {
            found.addAll(ofCase(caseId));
        }
        if (openerNumber != null) {
            byId.values().stream().filter(e -> e.read.trackingNumber().equals(openerNumber)).forEach(found::add);
        }
        return List.copyOf(found);
    }

    /** The complaints of a case as the batch's events so far have left them. */
    List<Entry> ofCase(String caseId) {
        return byId.values().stream().filter(e -> caseId.equals(e.progress.caseId())).toList();
    }

    /** @return how many of {@code targets} the change moved */
    int apply(List<Entry> targets, StatusChange change) {
        int changed = 0;
        for (Entry target : targets) {
            Progress after = target.progress.apply(change);
            if (after != target.progress) {
                target.progress = after;
                target.applied.add(change);
                changed++;
            }
        }
        return changed;
    }

    /** The complaints the batch changed, each with its progress as read and as it is now, and the changes applied. */
    List<Entry> changed() {
        return byId.values().stream().filter(e -> !e.applied.isEmpty()).toList();
    }

    /** One complaint of the batch. */
    static final class Entry {
        private final Tracked read;
        private Progress progress;
        private final List<StatusChange> applied = new ArrayList<>();

        private Entry(Tracked read) {
            this.read = read;
            this.progress = read.progress();
        }

        String complaintId() {
            return read.complaintId();
        }

        int versionRead() {
            return read.progress().version();
        }

        Progress progress() {
            return progress;
        }

        List<StatusChange> applied() {
            return List.copyOf(applied);
        }
    }
}
