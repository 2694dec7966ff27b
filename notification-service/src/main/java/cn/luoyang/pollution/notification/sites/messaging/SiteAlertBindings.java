package cn.luoyang.pollution.notification.sites.messaging;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.notification.config.SendingLoop;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import cn.luoyang.pollution.notification.sites.SiteAlerts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dispatch's {@code CaseDispatched} with a {@code siteContact} reaches the site's responsible person through
 * {@link SiteAlerts}; the record is read by the service's one {@code dispatched} binding (one consumer group per
 * service, as the Kafka users' ACLs allow).
 */
@Configuration(proxyBeanMethods = false)
class SiteAlertBindings {

    @Bean
    SiteAlerts siteAlerts(Messages messages, ReporterContacts contacts, MessageTemplates templates, Clock clock,
            ObjectProvider<SendingLoop> loop) {
        return new SiteAlerts(messages, contacts, templates, Catalogue.defaults(), clock,
                () -> loop.ifAvailable(SendingLoop::wake));
    }
}
