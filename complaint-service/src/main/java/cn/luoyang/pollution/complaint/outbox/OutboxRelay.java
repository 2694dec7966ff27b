package cn.luoyang.pollution.complaint.outbox;

import java.time.Clock;
import java.util.List;

/**
 * Moves events from documents to Kafka: publish, then mark sent. A crash between the two
 * publishes the event again on the next pass with the same event id, which every consumer
 * recognises (at-least-once, never lost). The request that stored an entry publishes it at once
 * ({@link #publishNow}); {@link #runOnce} sweeps up what such a request left behind.
 */
public final class OutboxRelay {

    private final Outbox outbox;
    private final EventSink sink;
    private final Clock clock;
    private final int batchSize;

    public OutboxRelay(Outbox outbox, EventSink sink, Clock clock, int batchSize) {
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
        this.batchSize = batchSize;
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
            due = outbox.due(clock.instant(), batchSize);
            for (Outbox.Pending pending : due) {
                sink.publish(pending.entry().topic(), pending.entry().event());
                outbox.markSent(pending.documentId(), pending.entry().eventId());
                published++;
            }
        } while (due.size() >= batchSize);
        return published;
    }
}
