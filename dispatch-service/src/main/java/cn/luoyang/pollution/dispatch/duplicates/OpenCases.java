package cn.luoyang.pollution.dispatch.duplicates;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open cases that a new complaint may duplicate, hashed by category and a square cell at
 * least as wide as the merge radius, so a lookup reads the 3×3 cells around the point and nothing
 * else. The embedded MongoDB has no geo queries: this index is rebuilt from the service's own
 * case collection at start and kept current as cases open and close.
 *
 * <p>Merge policy (same incident): same category, within {@code radiusMetres}, reported within
 * {@code window} of the case's first report; the nearest such case wins, the earlier on a tie.
 */
public final class OpenCases {

    private static final double METRES_PER_DEGREE_LATITUDE = 111_195.0;

    private final double radiusMetres;
    private final Duration window;
    private final double cellLat;
    private final double cellLon;
    private final Map<String, Map<Long, List<OpenCase>>> cellsByCategory = new ConcurrentHashMap<>();
    private final Map<String, OpenCase> byId = new ConcurrentHashMap<>();

    public OpenCases(double radiusMetres, Duration window) {
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

    public int size() {
        return byId.size();
    }

    public boolean contains(String caseId) {
        return byId.containsKey(caseId);
    }

    public void open(OpenCase openCase) {
        if (openCase.point() == null || byId.putIfAbsent(openCase.caseId(), openCase) != null) {
            return;
        }
        cellsByCategory.computeIfAbsent(openCase.category(), c -> new ConcurrentHashMap<>())
                .compute(key(cellX(openCase.point()), cellY(openCase.point())), (k, list) -> {
            List<OpenCase> next = list == null ? new ArrayList<>(1) : new ArrayList<>(list);
            next.add(openCase);
            return List.copyOf(next);
        });
    }

    public void close(String caseId) {
        OpenCase gone = byId.remove(caseId);
        if (gone == null) {
            return;
        }
        Map<Long, List<OpenCase>> cells = cellsByCategory.get(gone.category());
        cells.computeIfPresent(key(cellX(gone.point()), cellY(gone.point())), (k, list) -> {
            List<OpenCase> next = new ArrayList<>(list);
            next.removeIf(c -> c.caseId().equals(caseId));
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    /**
     * The cells a complaint at {@code point} may merge with: its own cell and the eight around it.
     * Any open case within the radius lies in one of them, so two complaints that could merge with
     * each other always share at least one of these cells (see {@code CaseLock}).
     */
    public List<MergeCell> neighbourhood(String category, LonLat point) {
        long x = cellX(point);
        long y = cellY(point);
        List<MergeCell> cells = new ArrayList<>(9);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                cells.add(new MergeCell(category, key(x + dx, y + dy)));
            }
        }
        return cells;
    }

    /** The cell of an open case, or empty when the case is no merge target (closed, unknown or without a point). */
    public Optional<MergeCell> cellOf(String caseId) {
        OpenCase open = byId.get(caseId);
        return open == null ? Optional.empty()
                : Optional.of(new MergeCell(open.category(), key(cellX(open.point()), cellY(open.point()))));
    }

    public Optional<MergeTarget> find(String category, LonLat point, Instant reportedAt) {
        Map<Long, List<OpenCase>> cells = point == null ? null : cellsByCategory.get(category);
        if (cells == null || cells.isEmpty()) {
            return Optional.empty();
        }
        long x = cellX(point);
        long y = cellY(point);
        MergeTarget best = null;
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                List<OpenCase> cell = cells.get(key(x + dx, y + dy));
                if (cell == null) {
                    continue;
                }
                for (OpenCase candidate : cell) {
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
        }
        return Optional.ofNullable(best);
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
