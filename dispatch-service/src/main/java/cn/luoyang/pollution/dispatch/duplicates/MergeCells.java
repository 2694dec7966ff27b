package cn.luoyang.pollution.dispatch.duplicates;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The shared merge index: per cell, the open cases that lie in it and a version that every opening
 * of a case in its neighbourhood raises. Shared by every instance of the service (one store), so
 * that two reports of one incident decided on two instances at once still make one case.
 */
public interface MergeCells {

    /** The given cells as stored; a cell never written is absent (version 0, no cases). */
    Map<MergeCell, State> read(Collection<MergeCell> cells);

    /**
     * Opens a case in {@code own} if no cell of {@code seen} changed since it was read: raises each
     * seen cell's version, conditionally on the version read, and puts the case into {@code own}
     * last. False when one of the conditions failed (the case is then not in the index; some
     * versions may have been raised, which only makes other openers read again).
     */
    boolean claim(Map<MergeCell, Long> seen, MergeCell own, OpenCase opened);

    /** Puts a case into its cell unconditionally (a case opened by hand), raising the cell's version; idempotent. */
    void add(MergeCell cell, OpenCase opened);

    /** Takes a case out of its cell (closed, or withdrawn); idempotent. */
    void remove(MergeCell cell, String caseId);

    /** A cell's version and the open cases in it. */
    record State(long version, List<OpenCase> cases) {

        public static final State EMPTY = new State(0, List.of());

        public State {
            cases = List.copyOf(cases);
        }
    }
}
