package cn.luoyang.pollution.notification.milestones.messaging;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.survey.FeedbackEvents;
import cn.luoyang.pollution.notification.survey.Survey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@code ReporterFeedbackReceived} on {@code reporters.feedback}, keyed by case id; one event id per survey. */
@Component
class KafkaFeedbackEvents implements FeedbackEvents {

    private final EventPublisher publisher;

    KafkaFeedbackEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(Survey s) {
        String eventId = UUID.nameUUIDFromBytes(("feedback|" + s.id()).getBytes(StandardCharsets.UTF_8)).toString();
        publisher.publish(Topics.REPORTERS_FEEDBACK, new ReporterFeedbackReceived(eventId, s.caseId(), s.complaintId(),
                Satisfaction.valueOf(s.rating().name()), s.answeredAt(), ReporterFeedbackReceived.VERSION));
    }
}
