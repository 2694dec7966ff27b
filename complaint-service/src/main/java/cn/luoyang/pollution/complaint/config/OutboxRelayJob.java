package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.complaint.outbox.OutboxRelay;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox relay's sweep on a fixed delay ({@code complaints.outbox.relay-interval}). */
@Component
class OutboxRelayJob {

    private final OutboxRelay relay;

    OutboxRelayJob(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${complaints.outbox.relay-interval}", initialDelayString = "${complaints.outbox.relay-interval}")
    void sweep() {
        relay.runOnce();
    }
}
