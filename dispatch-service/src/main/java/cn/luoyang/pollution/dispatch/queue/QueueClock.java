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
 * instance first claims the escalation (an insert under the complaint id, which only one instance
 * can make), then publishes; a claim left unpublished by a crash for longer than {@code lease} is
 * taken over (on condition, by one instance) and published with the same event id, which the
 * notification service recognises. The limit is plain hours (not working hours): the queue is the
 * campaign office's own backlog and it answers round the clock.
 */
public final class QueueClock {

    public static final String LEVEL = "CAMPAIGN_OFFICE";

    private final Decisions decisions;
    private final QueueClocks clocks;
    private final DispatchEvents events;
    private final Clock clock;
    private final Duration limit;
    private final Duration lease;
    private final Supplier<String> eventIds;

    public QueueClock(Decisions decisions, QueueClocks clocks, DispatchEvents events, Clock clock, Duration limit,
            Duration lease, Supplier<String> eventIds) {
        this.decisions = decisions;
        this.clocks = clocks;
        this.events = events;
        this.clock = clock;
        this.limit = limit;
        this.lease = lease;
        this.eventIds = eventIds;
    }

    /** Escalates every complaint past its limit that no instance escalated yet; returns how many this call published. */
    public int tick() {
        Instant now = clock.instant();
        int published = 0;
        for (QueueEscalation stale : clocks.unpublishedClaimedBefore(now.minus(lease))) {
            if (clocks.reclaim(stale, now)) {
                publish(stale.reclaimed(now));
                published++;
            }
        }
        // the whole backlog past the limit (the queue holds what no rule could route: tens, not thousands)
        List<DecisionRecord> due = decisions.queuedAtOrBefore(now.minus(limit));
        if (due.isEmpty()) {
            return published;
        }
        Set<String> done = clocks.escalated(due.stream().map(DecisionRecord::id).toList());
        for (DecisionRecord d : due) {
            if (done.contains(d.id())) {
                continue;
            }
            QueueEscalation claim = new QueueEscalation(d.id(), d.trackingNumber(), d.reason(), d.decidedAt(), eventIds.get(),
                    now, now, null);
            if (clocks.claim(claim)) {
                publish(claim);
                published++;
            }
        }
        return published;
    }

    private void publish(QueueEscalation e) {
        events.publish(new QueuedComplaintEscalated(e.eventId(), e.complaintId(), e.trackingNumber(), e.reason(), LEVEL,
                e.queuedAt(), limit.toHours(), e.escalatedAt(), QueuedComplaintEscalated.VERSION));
        clocks.published(e.complaintId(), clock.instant());
    }
}
