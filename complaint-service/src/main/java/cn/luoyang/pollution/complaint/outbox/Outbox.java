package cn.luoyang.pollution.complaint.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Where pending events rest: inside their aggregates' documents. A sweep claims the documents whose
 * entries it publishes (a lease on each document), so instances sweeping at once never publish the
 * same entry twice.
 */
public interface Outbox {

    /**
     * Claims up to {@code limit} documents with entries due at {@code now} that no other sweep holds,
     * until {@code leaseUntil}, and answers their due entries as they are after the claim.
     */
    List<Pending> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Removes the entry from its document once the broker has it. */
    void markSent(String documentId, String eventId);

    /** Gives up this sweep's claim on the document. */
    void release(String documentId);

    record Pending(String documentId, OutboxEntry entry) {
    }
}
