package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.dispatch.duplicates.MergeCell;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises exactly the writes that can affect each other, so reports about different places run
 * in parallel on the consumer threads. Lock striping: a key maps to one of a fixed set of locks.
 *
 * <ul>
 *   <li>A complaint locks its own case id and the nine merge cells around its point
 *       ({@link OpenCases#neighbourhood}). Two reports of the same incident (same category, within
 *       the merge radius) always share a cell, so one of them decides first and the other then
 *       finds its case in the merge index and joins it: one case per incident.</li>
 *   <li>An act on an existing case (return, closure, arbitration) locks the case id and, while the
 *       case is a merge target, its merge cell; a report merging into that case holds the same
 *       cell, so a merge and a closure or return of its target never interleave.</li>
 * </ul>
 *
 * Stripes are always taken in ascending order, so two holders of several stripes cannot deadlock.
 * A stripe shared by chance only costs a wait, never correctness.
 */
public final class CaseLock {

    private final ReentrantLock[] stripes;
    private final OpenCases openCases;

    public CaseLock(OpenCases openCases) {
        this(1024, openCases);
    }

    public CaseLock(int stripeCount, OpenCases openCases) {
        this.stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
        this.openCases = openCases;
    }

    /** Runs the decision on one complaint: its case id plus, with a point, every merge cell it may join. */
    public <T> T onComplaint(String caseId, String category, LonLat point, Supplier<T> work) {
        return with(complaintKeys(caseId, category, point), work);
    }

    List<Object> complaintKeys(String caseId, String category, LonLat point) {
        List<Object> keys = new ArrayList<>(10);
        keys.add(caseId);
        if (category != null && point != null) {
            keys.addAll(openCases.neighbourhood(category, point));
        }
        return keys;
    }

    List<Object> caseKeys(String caseId) {
        return caseKeys(caseId, openCases.cellOf(caseId));
    }

    private static List<Object> caseKeys(String caseId, Optional<MergeCell> cell) {
        List<Object> keys = new ArrayList<>(2);
        keys.add(caseId);
        cell.ifPresent(keys::add);
        return keys;
    }

    /** Runs an act on an existing case: its id plus its merge cell while it is a merge target. */
    public <T> T onCase(String caseId, Supplier<T> work) {
        while (true) {
            Optional<MergeCell> cell = openCases.cellOf(caseId);
            TreeSet<Integer> held = acquire(caseKeys(caseId, cell));
            try {
                // Only the case's opener (which holds the case id, as we now do) can make it a merge
                // target; if that happened between the look-up and the lock, go round and take its cell too.
                Optional<MergeCell> now = openCases.cellOf(caseId);
                if (now.isEmpty() || now.equals(cell)) {
                    return work.get();
                }
            } finally {
                release(held);
            }
        }
    }

    public void onCase(String caseId, Runnable work) {
        onCase(caseId, () -> {
            work.run();
            return null;
        });
    }

    /** Whether the two key sets would wait for each other (same stripe somewhere): for tests and reasoning. */
    boolean conflict(Collection<?> a, Collection<?> b) {
        TreeSet<Integer> left = indexes(a);
        left.retainAll(indexes(b));
        return !left.isEmpty();
    }

    private <T> T with(Collection<?> keys, Supplier<T> work) {
        TreeSet<Integer> held = acquire(keys);
        try {
            return work.get();
        } finally {
            release(held);
        }
    }

    private TreeSet<Integer> acquire(Collection<?> keys) {
        TreeSet<Integer> indexes = indexes(keys);
        for (int i : indexes) {
            stripes[i].lock();
        }
        return indexes;
    }

    private void release(TreeSet<Integer> held) {
        for (int i : held.descendingSet()) {
            stripes[i].unlock();
        }
    }

    private TreeSet<Integer> indexes(Collection<?> keys) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (Object key : keys) {
            int h = key.hashCode();
            h ^= h >>> 16;
            h *= 0x9E3779B1;
            indexes.add(Math.floorMod(h ^ (h >>> 15), stripes.length));
        }
        return indexes;
    }
}
