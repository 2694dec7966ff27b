package cn.luoyang.pollution.complaint.tracking;

import java.util.List;
import java.util.Optional;

/** The complaints' progress, wherever it is kept. */
public interface ProgressStore {

    Optional<Tracked> trackedById(String complaintId);

    Optional<Tracked> trackedByNumber(String trackingNumber);

    List<Tracked> trackedByCase(String caseId);

    /** Replaces the progress only if its version is still {@code expectedVersion}; false when someone was first. */
    boolean replace(String complaintId, int expectedVersion, Progress next);
}
