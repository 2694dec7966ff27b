package cn.luoyang.pollution.complaint.tracking;

import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.time.Instant;
import java.util.Optional;

/** Where a reporter's rating of a closed complaint (满意度评价) is kept: at most one per complaint. */
public interface RatingStore {

    /**
     * Keeps the rating and its event in the complaint's outbox in one write, unless the complaint was
     * rated already.
     *
     * @return whether it was kept now (false: a rating was already there)
     */
    boolean rate(String complaintId, String rating, Instant at, OutboxEntry event);

    /** The rating given on the public page, if any. */
    Optional<String> ratingOf(String complaintId);
}
