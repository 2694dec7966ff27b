package cn.luoyang.pollution.complaint.tracking;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The complaints' progress, wherever it is kept. */
public interface ProgressStore {

    Optional<Tracked> trackedById(String complaintId);

    Optional<Tracked> trackedByNumber(String trackingNumber);

    List<Tracked> trackedByCase(String caseId);

    /** The complaints with these ids, in one read. */
    List<Tracked> trackedByIds(Collection<String> complaintIds);

    /** The complaints of these cases, in one read. */
    List<Tracked> trackedByCases(Collection<String> caseIds);

    /** The complaints with these tracking numbers, in one read. */
    List<Tracked> trackedByNumbers(Collection<String> trackingNumbers);

    /** Replaces the progress only if its version is still {@code expectedVersion}; false when someone was first. */
    boolean replace(String complaintId, int expectedVersion, Progress next);

    /**
     * {@link #replace} for each of a batch, in one write; false when any of them was changed by someone else first
     * (the others are written all the same).
     */
    boolean replaceAll(List<Replacement> replacements);

    /** A complaint's progress to store, if its version is still the one read. */
    record Replacement(String complaintId, int expectedVersion, Progress next) {
    }
}
