package cn.luoyang.pollution.dispatch.dispatching;

import java.util.List;
import java.util.Optional;

/** Stored decisions, one per complaint. */
public interface Decisions {

    Optional<DecisionRecord> byId(String complaintId);

    void save(DecisionRecord decision);

    /** The manual queue: complaints waiting for the campaign office, oldest first. */
    List<DecisionRecord> queued();
}
