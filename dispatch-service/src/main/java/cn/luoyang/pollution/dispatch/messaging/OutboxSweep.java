package cn.luoyang.pollution.dispatch.messaging;

import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every replica sweeps the outboxes of decisions, cases and queue escalations for events a crash or
 * a broker outage left behind (the relays' leases keep two replicas off one document). Off with
 * {@code dispatch.outbox.sweep-enabled=false} (tests that sweep by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "dispatch.outbox.sweep-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxSweep {

    private final List<OutboxRelay> relays;

    OutboxSweep(List<OutboxRelay> relays) {
        this.relays = relays;
    }

    @Scheduled(fixedDelayString = "${dispatch.outbox.sweep-interval:2s}", initialDelayString = "${dispatch.outbox.sweep-interval:2s}")
    void sweep() {
        OutboxRelay.sweepEach(relays);
    }
}
