package cn.luoyang.pollution.dispatch.duplicates;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open cases that a new complaint may duplicate, hashed by category and a square cell at
 * least as wide as the merge radius, so a lookup reads the 3×3 cells around the point and nothing
 * else (the embedded MongoDB has no geo queries). The cells live in {@link MergeCells}, shared by
 * every instance.
 *
 * <p>Merge policy (same incident): same category, within {@code radiusMetres}, reported within
 * {@code window} of the case's first report; the nearest such case wins, the earlier on a tie.
 *
 * <p>Why one incident makes one case on any number of instances: a complaint opens a case only by
 * {@link #open}, which raises the version of each of the nine cells it read, each on condition that
 * the version is still the one it read, and writes the new case into its own cell with the last of
 * these changes. Two reports A and B of one incident lie within the radius, so each has the
 * other's cell among its nine. Suppose both opened. If A changed its own cell before B did, B
 * passed its condition there only by reading after A's change, so B saw A's case and joined it
 * instead. So B changed A's cell first, and A read after that change, hence after B read.
 * Symmetrically B read after A read: a contradiction. A failed condition costs a new read and
 * decision; nothing else.
 */
public final class OpenCases {

    private static final double METRES_PER_DEGREE_LATITUDE = 111_195.0;

    private final MergeCells cells;
    private final double radiusMetres;
    private final Duration window;
    private final double cellLat;
    private final double cellLon;

    public OpenCases(MergeCells cells, double radiusMetres, Duration window) {
        this.cells = cells;
        this.radiusMetres = radiusMetres;
        this.window = window;
        this.cellLat = radiusMetres / METRES_PER_DEGREE_LATITUDE;
        // Twice as wide in longitude: at or below 60° north, a cell is then at least the radius wide.
        this.cellLon = 2 * cellLat;
    }

    public double radiusMetres() {
        return radiusMetres;
    }

    public Duration window() {
        return window;
    }

    /**
     * Reads the nine cells around a complaint (one round trip) and finds the open case it
     * duplicates, never its own case ({@code ownCaseId}), which only a redelivery can find there.
     */
    public Neighbourhood around(String category, LonLat point, Instant reportedAt, String ownCaseId) {
        List<MergeCell> nine = neighbourhood(category, point);
        Map<MergeCell, MergeCells.State> states = cells.read(nine);
        Map<MergeCell, Long> versions = new HashMap<>();
        MergeTarget best = null;
        boolean holdsOwn = false;
        for (MergeCell cell : nine) {
            MergeCells.State state = states.getOrDefault(cell, MergeCells.State.EMPTY);
            versions.put(cell, state.version());
            for (OpenCase candidate : state.cases()) {
                if (candidate.caseId().equals(ownCaseId)) {
                    holdsOwn = true;
                    continue;
                }
                long minutes = Math.abs(Duration.between(candidate.reportedAt(), reportedAt).toMinutes());
                if (minutes > window.toMinutes()) {
                    continue;
                }
                double metres = point.metresTo(candidate.point());
                if (metres <= radiusMetres && (best == null || metres < best.metres()
                        || metres == best.metres() && candidate.reportedAt().isBefore(best.openCase().reportedAt()))) {
                    best = new MergeTarget(candidate, metres, minutes);
                }
            }
        }
        return new Neighbourhood(cellOf(category, point), versions, best, holdsOwn);
    }

    /** Opens a case as a merge target if its neighbourhood is still as {@code seen}; false when another case opened or closed there since. */
    public boolean open(Neighbourhood seen, OpenCase opened) {
        return cells.claim(seen.versions(), seen.own(), opened);
    }

    /** Makes a case opened by hand a merge target, whatever opened around it. */
    public void add(OpenCase opened) {
        cells.add(cellOf(opened.category(), opened.point()), opened);
    }

    /** The case stops being a merge target (closed, or its opening was withdrawn). */
    public void close(String caseId, String category, LonLat point) {
        cells.remove(cellOf(category, point), caseId);
    }

    /** Withdraws a case that was claimed in {@code seen} but will not open (an earlier delivery decided otherwise). */
    public void withdraw(Neighbourhood seen, String caseId) {
        cells.remove(seen.own(), caseId);
    }

    /**
     * The cells a complaint at {@code point} may merge with: its own cell and the eight around it.
     * Any open case within the radius lies in one of them, so two complaints that could merge with
     * each other always have each other's cell among their nine.
     */
    public List<MergeCell> neighbourhood(String category, LonLat point) {
        long x = cellX(point);
        long y = cellY(point);
        List<MergeCell> nine = new ArrayList<>(9);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                nine.add(new MergeCell(category, key(x + dx, y + dy)));
            }
        }
        return nine;
    }

    public MergeCell cellOf(String category, LonLat point) {
        return new MergeCell(category, key(cellX(point), cellY(point)));
    }

    private long cellX(LonLat p) {
        return (long) Math.floor(p.longitude() / cellLon);
    }

    private long cellY(LonLat p) {
        return (long) Math.floor(p.latitude() / cellLat);
    }

    /** Cell coordinates packed into one long: plenty for any latitude/longitude at metre-scale cells. */
    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xFFFF_FFFFL);
    }
}
