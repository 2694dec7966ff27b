package cn.luoyang.pollution.notification.callbacks.persistence;

import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.callbacks.CallbackState;
import cn.luoyang.pollution.notification.callbacks.CallbackTask;
import cn.luoyang.pollution.notification.survey.persistence.FeedbackEntries;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox entries of a callback task's end: an ANSWERED task's survey answer as the
 * {@code ReporterFeedbackReceived} an SMS reply to the same CLOSED message would make (same event id).
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
        return entries;
    }
}
