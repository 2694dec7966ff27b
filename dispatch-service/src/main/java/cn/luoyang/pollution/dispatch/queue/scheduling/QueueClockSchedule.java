package cn.luoyang.pollution.dispatch.queue.scheduling;

import cn.luoyang.pollution.dispatch.queue.QueueClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every replica ticks the manual queue's clock; the claims in {@link QueueClock} make each
 * escalation happen once. Off with {@code dispatch.queue.scheduling-enabled=false} (tests that tick by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "dispatch.queue.scheduling-enabled", havingValue = "true", matchIfMissing = true)
public class QueueClockSchedule {

    private static final Logger log = LoggerFactory.getLogger(QueueClockSchedule.class);

    private final QueueClock clock;

    QueueClockSchedule(QueueClock clock) {
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dispatch.queue.poll-interval:30s}", initialDelayString = "${dispatch.queue.poll-interval:30s}")
    void tick() {
        try {
            clock.tick();
        } catch (RuntimeException e) {
            log.warn("manual-queue clock tick failed, retried next time: {}", e.toString());
        }
    }
}
