package cn.luoyang.pollution.enforcement.rewards.messaging;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.enforcement.rewards.application.RewardAnnouncements;
import cn.luoyang.pollution.enforcement.rewards.application.RewardDesk;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code closures-in-0} on {@code cases.lifecycle} (group {@code enforcement-service}): this
 * service reads its own {@code case.closed.v1} back, so a claim is opened after the closure is durably
 * published, at least once, and a failure to announce it is retried by redelivery. The opening goes out
 * on {@code cases.lifecycle} through the platform's publisher (sync, acks=all); decisions through the
 * claims' outbox relay.
 */
@Configuration(proxyBeanMethods = false)
public class RewardBindings {

    @Bean
    Consumer<Message<byte[]>> closures(EventConsumers consumers, RewardDesk desk) {
        return consumers.of(Topics.CASES_LIFECYCLE, event -> {
            if (event instanceof CaseClosed closed) {
                desk.caseClosed(closed.caseId());
            }
        });
    }

    @Bean
    RewardAnnouncements rewardAnnouncements(EventPublisher publisher) {
        return event -> publisher.publish(Topics.CASES_LIFECYCLE, event);
    }
}
