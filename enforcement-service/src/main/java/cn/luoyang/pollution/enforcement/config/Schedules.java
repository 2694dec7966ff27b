package cn.luoyang.pollution.enforcement.config;

import cn.luoyang.pollution.enforcement.clocks.scheduling.ClockScheduler;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The two background loops every replica runs: the outbox sweeps (events a crash or a broker outage
 * left behind in cases and reward claims) and the clock tick (reminders, overdue, escalation). Off with
 * {@code enforcement.scheduling.enabled=false} (tests that drive them by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "enforcement.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class Schedules {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    private final List<OutboxRelay> relays;
    private final ClockScheduler clocks;

    /** @param relays one per collection whose documents carry an outbox (cases, reward claims) */
    Schedules(List<OutboxRelay> relays, ClockScheduler clocks) {
        this.relays = relays;
        this.clocks = clocks;
    }

    @Scheduled(fixedDelayString = "${enforcement.outbox.sweep-interval:2s}", initialDelayString = "${enforcement.outbox.sweep-interval:2s}")
    void sweepOutbox() {
        OutboxRelay.sweepEach(relays);
    }

    @Scheduled(fixedDelayString = "${enforcement.clocks.poll-interval:5s}", initialDelayString = "${enforcement.clocks.poll-interval:5s}")
    void tickClocks() {
        try {
            clocks.tick();
        } catch (RuntimeException e) {
            log.warn("clock tick failed, retried next time: {}", e.toString());
        }
    }
}
