package cn.luoyang.pollution.complaint.tracking;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A complaint's public status and how it got there. The status is the history folded through
 * {@link PublicStatus}'s transitions in the order things happened, starting from RECEIVED, so
 * events that arrive out of order (dispatch and case events come on different topics) give the
 * same status as events in order. Applying the same event twice changes nothing (redelivery).
 *
 * @param history the RECEIVED entry first, then every event applied, by time of occurrence
 * @param version grows with every change: the store replaces a progress only if nobody else did first
 */
public record Progress(PublicStatus status, Instant since, String caseId, String department, String reply,
                       List<StatusChange> history, int version) {

    public Progress {
        history = List.copyOf(history);
    }

    public static Progress received(String eventId, Instant at) {
        return new Progress(PublicStatus.RECEIVED, at, null, null, null,
                List.of(new StatusChange(eventId, PublicStatus.RECEIVED, at, null, null, null, null)), 0);
    }

    /**
     * The changes that moved the public status, oldest first, without the RECEIVED start: what
     * Open311 lists as a request's updates. A change kept in the history without moving the status
     * (it came too late to matter) is not one of them.
     */
    public List<StatusChange> publicChanges() {
        List<StatusChange> moved = new ArrayList<>();
        PublicStatus status = PublicStatus.RECEIVED;
        for (StatusChange change : history.subList(1, history.size())) {
            if (status.canMoveTo(change.status())) {
                status = change.status();
                moved.add(change);
            }
        }
        return moved;
    }

    /**
     * Where the department in charge sits (洛阳市 or a district's name, naming its level), from the latest
     * change that named this department and its seat; null when none did.
     */
    public String seat() {
        String seat = null;
        for (StatusChange change : history) {
            if (department != null && department.equals(change.department()) && change.seat() != null) {
                seat = change.seat();
            }
        }
        return seat;
    }

    public boolean hasApplied(String eventId) {
        return history.stream().anyMatch(h -> h.eventId().equals(eventId));
    }

    /** The progress after {@code change}; {@code this} itself when the change was applied before. */
    public Progress apply(StatusChange change) {
        if (hasApplied(change.eventId())) {
            return this;
        }
        List<StatusChange> events = new ArrayList<>(history.subList(1, history.size()));
        events.add(change);
        events.sort(Comparator.comparing(StatusChange::occurredAt)); // stable: ties keep arrival order
        StatusChange start = history.get(0);
        PublicStatus status = PublicStatus.RECEIVED;
        Instant since = start.occurredAt();
        String caseId = null;
        String department = null;
        String reply = null;
        for (StatusChange e : events) {
            caseId = e.caseId() != null ? e.caseId() : caseId;
            if (status.canMoveTo(e.status())) {
                status = e.status();
                since = e.occurredAt();
                department = e.department() != null ? e.department() : department;
                reply = switch (e.status()) {
                    case CLOSED -> e.note();
                    case REOPENED, DISPATCHED -> null;
                    default -> reply;
                };
            }
        }
        List<StatusChange> longer = new ArrayList<>();
        longer.add(start);
        longer.addAll(events);
        return new Progress(status, since, caseId, department, reply, longer, version + 1);
    }
}
