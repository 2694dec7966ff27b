package cn.luoyang.pollution.complaint.intake.persistence;

import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.tracking.Progress;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A complaint as stored in {@code complaints}: the report, its progress, its outbox (the kit's
 * {@code Outbox} entries) and what an officer
 * released of it ({@code publication}, absent until then) in one document; {@code claimCodeHash} only for a
 * reporter given a claim code at filing (the code's hash, never the code).
 */
@Document("complaints")
record ComplaintDocument(
        @Id String id,
        String trackingNumber,
        String naturalKey,
        String fingerprint,
        ComplaintDraft draft,
        Instant receivedAt,
        Progress progress,
        List<org.bson.Document> outbox,
        Publication publication,
        String claimCodeHash) {
}
