package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Dispatch's case files. */
public interface CaseFiles {

    Optional<CaseFile> byId(String caseId);

    /**
     * Writes a changed file if the stored one is still at {@code file.version()} (and raises the
     * version); false, with nothing written, when another act on the case (on any instance) came
     * first: read it again and decide again. The complaint list is left as stored: only
     * {@link #addComplaint} changes it. {@code announced} (none when null) goes into the file's
     * outbox in the same write.
     */
    boolean update(CaseFile file, Event announced);

    /** Puts a filed event in the case's outbox again (same event id), unless it is waiting there already. */
    void announce(String caseId, Event announced);

    /** Files a new case in one round trip; false (and nothing written) when a file with its id exists. */
    boolean insert(CaseFile file);

    /** {@link #insert} for the new cases of a batch in one round trip: the case ids written (an existing file is left as stored). */
    Set<String> insertAll(List<CaseFile> files);

    /**
     * {@link #addComplaint} for the merges of a batch in one round trip; false when one of the cases has no file
     * (the others are added all the same).
     */
    boolean addComplaints(List<Join> joins, Instant at);

    /** A complaint merged into a case. */
    record Join(String caseId, String complaintId) {
    }

    /** Adds a complaint to a case's list in place (idempotent); false when there is no such case. */
    boolean addComplaint(String caseId, String complaintId, Instant at);

    List<CaseFile> withStatus(CaseStatus status);
}
