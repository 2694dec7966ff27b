package cn.luoyang.pollution.dispatch.queue;

import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.DispatchEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The manual queue's clock (人工分派时限): a complaint still waiting in the campaign office's queue
 * {@code limit} after it was queued is escalated to the office's leader by one
 * {@code QueuedComplaintEscalated}. Exactly once per complaint across restarts and instances: an
 * instance claims the escalation with its event in the claim's outbox (an insert under the complaint
 * id, which only one instance can make), then has it published; an event a crash or a broker outage
 * left there is sent by the outbox relay's sweep with the same event id, which the notification
 * service recognises. The limit is plain hours (not working hours): the queue is the campaign
 * office's own backlog and it answers round the clock.
 */
public final class QueueClock {

    public static final String LEVEL = "CAMPAIGN_OFFICE";

    private final Decisions decisions;
    private final QueueClocks clocks;
    private final DispatchEvents events;
    private final Clock clock;
    private final Duration limit;
    private final Supplier<String> eventIds;

    public QueueClock(Decisions decisions, QueueClocks clocks, DispatchEvents events, Clock clock, Duration limit,
            Supplier<String> eventIds) {
        this.decisions = decisions;
        this.clocks = clocks;
        this.events = events;
        this.clock = clock;
        this.limit = limit;
        this.eventIds = eventIds;
    }

    /** Escalates every complaint past its limit that no instance escalated yet; returns how many this call escalated. */
    public int tick() {
        Instant now = clock.instant();
        int escalated = 0;
        // the whole backlog past the limit (the queue holds what no rule could route: tens, not thousands)
        List<DecisionRecord> due = decisions.queuedAtOrBefore(now.minus(limit));
        if (due.isEmpty()) {
            return escalated;
        }
        Set<String> done = clocks.escalated(due.stream().map(DecisionRecord::id).toList());
        for (DecisionRecord d : due) {
            if (done.contains(d.id())) {
                continue;
            }
            QueueEscalation claim = new QueueEscalation(d.id(), d.trackingNumber(), d.reason(), d.decidedAt(), eventIds.get(), now);
            if (clocks.claim(claim, event(claim))) {
                events.publishSoon(claim.complaintId());
                escalated++;
            }
        }
        return escalated;
    }

    private QueuedComplaintEscalated event(QueueEscalation e) {
        return new QueuedComplaintEscalated(e.eventId(), e.complaintId(), e.trackingNumber(), e.reason(), LEVEL,
                e.queuedAt(), limit.toHours(), e.escalatedAt(), QueuedComplaintEscalated.VERSION);
    }
}
