package cn.luoyang.pollution.complaint.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A complaint's public status and how it got there. Applying the same event twice changes
 * nothing (redelivery); an event older than the current status (it arrived late on another
 * topic) only enters the history.
 *
 * @param version grows with every change: the store replaces a progress only if nobody else did first
 */
public record Progress(PublicStatus status, Instant since, String caseId, String department, String reply,
                       List<StatusChange> history, int version) {

    public Progress {
        history = List.copyOf(history);
    }

    public static Progress received(String eventId, Instant at) {
        return new Progress(PublicStatus.RECEIVED, at, null, null, null,
                List.of(new StatusChange(eventId, PublicStatus.RECEIVED, at, null, null, null)), 0);
    }

    public boolean hasApplied(String eventId) {
        return history.stream().anyMatch(h -> h.eventId().equals(eventId));
    }

    /** The progress after {@code change}; {@code this} itself when the change was applied before. */
    public Progress apply(StatusChange change) {
        if (hasApplied(change.eventId())) {
            return this;
        }
        List<StatusChange> longer = new ArrayList<>(history);
        longer.add(change);
        longer.sort(Comparator.comparing(StatusChange::occurredAt));
        String knownCase = change.caseId() != null ? change.caseId() : caseId;
        boolean moves = !change.occurredAt().isBefore(since) && status.canMoveTo(change.status());
        if (!moves) {
            return new Progress(status, since, knownCase, department, reply, longer, version + 1);
        }
        String responsible = change.department() != null ? change.department() : department;
        String answer = switch (change.status()) {
            case CLOSED -> change.note();
            case REOPENED, DISPATCHED -> null;
            default -> reply;
        };
        return new Progress(change.status(), change.occurredAt(), knownCase, responsible, answer, longer, version + 1);
    }
}
