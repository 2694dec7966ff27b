package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stored decisions, one per complaint; each write that announces an event puts it in the decision's outbox in the same write. */
public interface Decisions {

    Optional<DecisionRecord> byId(String complaintId);

    /** Stores the decision whole, with {@code announced} as the only event of its outbox. */
    void save(DecisionRecord decision, Event announced);

    /**
     * Stores the first decision on a complaint in one round trip, with {@code announced} in its
     * outbox; false (and nothing written) when the complaint already has one: the natural key makes
     * a redelivery visible without a read.
     */
    boolean insert(DecisionRecord decision, Event announced);

    /**
     * {@link #insert} for the decisions of a batch in one round trip (an unordered bulk write): the
     * complaint ids written; a complaint that already has a decision keeps it and is not among them.
     */
    Set<String> insertAll(List<Announced> decisions);

    /** A decision with the event its outbox announces. */
    record Announced(DecisionRecord decision, Event event) {
    }

    /** Puts a stored decision's event in its outbox again (same event id), unless it is waiting there already. */
    void announce(String complaintId, Event announced);

    /**
     * Replaces a queued decision by its manual assignment and adds {@code announced} to its outbox,
     * only while it is still QUEUED; false when it is not (assigned meanwhile, on this or another instance).
     */
    boolean assign(DecisionRecord assigned, Event announced);

    /** The manual queue: complaints waiting for the campaign office, oldest first. */
    List<DecisionRecord> queued();

    /** The complaints of the manual queue queued at or before {@code at}, oldest first. */
    List<DecisionRecord> queuedAtOrBefore(Instant at);
}
