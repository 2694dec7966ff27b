package cn.luoyang.pollution.complaint.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves events from documents to Kafka: publish, then mark sent. A crash between the two
 * publishes the event again on the next pass with the same event id, which every consumer
 * recognises (at-least-once, never lost). The request that stored an entry publishes it at once
 * ({@link #publishNow}); {@link #runOnce} sweeps up what such a request left behind, claiming each
 * document first, so that N instances sweeping together publish each entry once.
 */
public final class OutboxRelay {

    private final Outbox outbox;
    private final EventSink sink;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    /** @param lease how long a sweep holds a document it publishes from; far longer than a publish takes */
    public OutboxRelay(Outbox outbox, EventSink sink, Clock clock, int batchSize, Duration lease) {
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** Publishes the entries a request just stored, in order. */
    public void publishNow(String documentId, List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            sink.publish(entry.topic(), entry.event());
            outbox.markSent(documentId, entry.eventId());
        }
    }

    /** One sweep; returns how many events it published. Passes in one process never overlap. */
    public synchronized int runOnce() {
        int published = 0;
        List<Outbox.Pending> due;
        do {
            Instant now = clock.instant();
            due = outbox.claimDue(now, now.plus(lease), batchSize);
            Set<String> claimed = new LinkedHashSet<>();
            try {
                for (Outbox.Pending pending : due) {
                    claimed.add(pending.documentId());
                    sink.publish(pending.entry().topic(), pending.entry().event());
                    outbox.markSent(pending.documentId(), pending.entry().eventId());
                    published++;
                }
            } finally {
                claimed.forEach(outbox::release);
            }
        } while (due.size() >= batchSize);
        return published;
    }
}
