package cn.luoyang.pollution.notification.escalations.messaging;

import cn.luoyang.pollution.notification.config.SendingLoop;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.QueueEscalations;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dispatch's {@code QueuedComplaintEscalated} (on {@code cases.dispatched}) reaches the campaign office
 * through {@link QueueEscalations}; the record is read by the service's one {@code dispatched} binding
 * (one consumer group per service, as the Kafka users' ACLs allow).
 */
@Configuration(proxyBeanMethods = false)
class QueueEscalationBindings {

    @Bean
    QueueEscalations queueEscalationMessages(Messages messages, Directory directory, MessageTemplates templates, Clock clock,
            ObjectProvider<SendingLoop> loop) {
        return new QueueEscalations(messages, directory, templates, clock, () -> loop.ifAvailable(SendingLoop::wake));
    }
}
