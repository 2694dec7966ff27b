package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox relay's sweep on a fixed delay ({@code complaints.outbox.relay-interval}). */
@Component
class OutboxRelayJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayJob.class);

    private final OutboxRelay relay;

    OutboxRelayJob(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${complaints.outbox.relay-interval}", initialDelayString = "${complaints.outbox.relay-interval}")
    void sweep() {
        try {
            int published = relay.sweep();
            if (published > 0) {
                log.info("outbox relay published {} event(s) that their requests had left behind", published);
            }
        } catch (RuntimeException e) {
            // nothing is lost: the entries stay in their documents and the next sweep tries again
            log.warn("outbox sweep failed, will retry: {}", e.toString());
        }
    }
}
