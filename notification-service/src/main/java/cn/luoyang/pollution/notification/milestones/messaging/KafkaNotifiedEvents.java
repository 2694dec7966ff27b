package cn.luoyang.pollution.notification.milestones.messaging;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.escalations.Person;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.sending.NotifiedEvents;
import cn.luoyang.pollution.notification.sites.SiteAlerts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code ReporterNotified} on {@code reporters.notified}, keyed by complaint id. The event id is
 * derived from (message, state), so a republication after a crash carries the same id.
 */
@Component
class KafkaNotifiedEvents implements NotifiedEvents {

    private final EventPublisher publisher;
    private final Clock clock;

    KafkaNotifiedEvents(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void publish(SmsMessage m) {
        if (m.complaintId().startsWith(Person.RECIPIENT_PREFIX) || SiteAlerts.isSiteRecipient(m.complaintId())) {
            return; // a message to a directory person (escalation) or a site's responsible person is no reporter's milestone
        }
        String eventId = UUID.nameUUIDFromBytes((m.id() + "|" + m.state()).getBytes(StandardCharsets.UTF_8)).toString();
        publisher.publish(Topics.REPORTERS_NOTIFIED, new ReporterNotified(eventId, m.id(), m.complaintId(), m.caseId(),
                m.milestone().name(), m.maskedPhone(), m.state().name(), m.gatewayMessageId(), clock.instant(),
                ReporterNotified.VERSION));
    }
}
