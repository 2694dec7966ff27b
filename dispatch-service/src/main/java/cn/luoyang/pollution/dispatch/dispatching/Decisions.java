package cn.luoyang.pollution.dispatch.dispatching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored decisions, one per complaint. */
public interface Decisions {

    Optional<DecisionRecord> byId(String complaintId);

    void save(DecisionRecord decision);

    /**
     * Stores the first decision on a complaint in one round trip; false (and nothing written) when
     * the complaint already has one: the natural key makes a redelivery visible without a read.
     */
    boolean insert(DecisionRecord decision);

    /**
     * Replaces a queued decision by its manual assignment, only while it is still QUEUED; false
     * when it is not (assigned meanwhile, on this or another instance).
     */
    boolean assign(DecisionRecord assigned);

    /** The manual queue: complaints waiting for the campaign office, oldest first. */
    List<DecisionRecord> queued();

    /** The complaints of the manual queue queued at or before {@code at}, oldest first. */
    List<DecisionRecord> queuedAtOrBefore(Instant at);
}
