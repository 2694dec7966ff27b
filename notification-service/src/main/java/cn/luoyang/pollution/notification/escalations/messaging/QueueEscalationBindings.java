package cn.luoyang.pollution.notification.escalations.messaging;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.notification.config.SendingLoop;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.QueueEscalations;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code queueEscalations} binding: dispatch's {@code QueuedComplaintEscalated} on
 * {@code cases.dispatched} (its own consumer group, so the milestone binding of that topic is
 * untouched); other types are passed over.
 */
@Configuration(proxyBeanMethods = false)
class QueueEscalationBindings {

    @Bean
    QueueEscalations queueEscalationMessages(Messages messages, Directory directory, MessageTemplates templates, Clock clock,
            ObjectProvider<SendingLoop> loop) {
        return new QueueEscalations(messages, directory, templates, clock, () -> loop.ifAvailable(SendingLoop::wake));
    }

    @Bean
    Consumer<Message<byte[]>> queueEscalations(EventConsumers consumers, QueueEscalations escalations) {
        return consumers.of(Topics.CASES_DISPATCHED, event -> {
            if (event instanceof QueuedComplaintEscalated escalated) {
                escalations.escalated(escalated);
            }
        });
    }
}
