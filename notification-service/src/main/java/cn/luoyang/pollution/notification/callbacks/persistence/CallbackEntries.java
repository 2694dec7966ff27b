package cn.luoyang.pollution.notification.callbacks.persistence;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.callbacks.CallbackState;
import cn.luoyang.pollution.notification.callbacks.CallbackTask;
import cn.luoyang.pollution.notification.survey.persistence.FeedbackEntries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The outbox entries of a callback task's end: an ANSWERED task's survey answer as the
 * {@code ReporterFeedbackReceived} an SMS reply to the same CLOSED message would make (same event id),
 * then, for every end, {@code CallbackCompleted} on {@code reporters.callbacks} (one event id per task),
 * which enforcement counts per unit.
 */
final class CallbackEntries {

    private CallbackEntries() {
    }

    static List<OutboxEntry> of(CallbackTask ended) {
        List<OutboxEntry> entries = new ArrayList<>();
        if (ended.state() == CallbackState.ANSWERED) {
            entries.add(FeedbackEntries.of(ended.messageId(), ended.caseId(), ended.complaintId(),
                    ended.rating().name(), ended.finishedAt()));
        }
        entries.add(new OutboxEntry(completed(ended), Topics.REPORTERS_CALLBACKS, ended.finishedAt()));
        return entries;
    }

    /**
     * The event the former relay published for a task flagged {@code feedbackPending} (see
     * {@code PendingFlagUpgrade}): the survey answer given on the phone, as the SMS reply to the same
     * CLOSED message would make it (event id from the message id, answered when the task ended). That
     * version announced no task's end, so no {@code CallbackCompleted} is made up for it.
     */
    static List<OutboxEntry> formerlyPending(Document task) {
        if (task.getString("rating") == null || task.getDate("finishedAt") == null) {
            return List.of();
        }
        return List.of(FeedbackEntries.of(task.getString("messageId"), task.getString("caseId"),
                task.getString("complaintId"), task.getString("rating"), task.getDate("finishedAt").toInstant()));
    }

    private static CallbackCompleted completed(CallbackTask t) {
        String eventId = UUID.nameUUIDFromBytes(("callback-completed|" + t.id()).getBytes(StandardCharsets.UTF_8)).toString();
        // tries counts the calls that did not reach the reporter; a call that did is the last one
        int calls = t.state() == CallbackState.NOT_REACHED ? t.tries() : t.tries() + 1;
        return new CallbackCompleted(eventId, t.id(), t.caseId(), t.complaintId(), t.milestone().name(), t.state().outcome(),
                calls, t.rating() == null ? null : t.rating().satisfaction(), t.finishedAt(), CallbackCompleted.VERSION);
    }
}
