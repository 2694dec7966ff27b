package cn.luoyang.pollution.notification.survey.persistence;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The outbox entry of an answered survey (回访满意度): {@code ReporterFeedbackReceived} on
 * {@code reporters.feedback}, keyed by case id. One event id per survey, whose id is its CLOSED
 * message's, so an answer by SMS and one by a callback operator for that message are one event.
 */
public final class FeedbackEntries {

    private FeedbackEntries() {
    }

    public static OutboxEntry of(String surveyId, String caseId, String complaintId, String rating, Instant answeredAt) {
        String eventId = UUID.nameUUIDFromBytes(("feedback|" + surveyId).getBytes(StandardCharsets.UTF_8)).toString();
        return new OutboxEntry(new ReporterFeedbackReceived(eventId, caseId, complaintId, Satisfaction.valueOf(rating), answeredAt,
                ReporterFeedbackReceived.VERSION), Topics.REPORTERS_FEEDBACK, answeredAt);
    }

    /**
     * The event the former relay published for a survey flagged {@code eventPending} (an answer whose
     * event waited; see {@code PendingFlagUpgrade}); none for a survey without an answer.
     */
    static List<OutboxEntry> formerlyPending(Document survey) {
        if (survey.getString("rating") == null || survey.getDate("answeredAt") == null) {
            return List.of();
        }
        return List.of(of(survey.getString("_id"), survey.getString("caseId"), survey.getString("complaintId"),
                survey.getString("rating"), survey.getDate("answeredAt").toInstant()));
    }
}
