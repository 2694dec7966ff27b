package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every instance sweeps the outboxes of messages, surveys and callback tasks for events a crash or a
 * broker outage left behind (the relays' leases keep two instances off one document). Off with
 * {@code notification.outbox.sweep-enabled=false} (tests that sweep by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "notification.outbox.sweep-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxSweep {

    private final List<OutboxRelay> relays;

    OutboxSweep(List<OutboxRelay> relays) {
        this.relays = relays;
    }

    @Scheduled(fixedDelayString = "${notification.outbox.sweep-interval:2s}",
            initialDelayString = "${notification.outbox.sweep-interval:2s}")
    void sweep() {
        OutboxRelay.sweepEach(relays);
    }
}
