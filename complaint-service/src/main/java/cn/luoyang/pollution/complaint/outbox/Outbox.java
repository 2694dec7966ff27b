package cn.luoyang.pollution.complaint.outbox;

import java.time.Instant;
import java.util.List;

/** Where pending events rest: inside their aggregates' documents. */
public interface Outbox {

    /** Entries due at {@code now}, oldest documents first, at most {@code limit} documents' worth. */
    List<Pending> due(Instant now, int limit);

    /** Removes the entry from its document once the broker has it. */
    void markSent(String documentId, String eventId);

    record Pending(String documentId, OutboxEntry entry) {
    }
}
