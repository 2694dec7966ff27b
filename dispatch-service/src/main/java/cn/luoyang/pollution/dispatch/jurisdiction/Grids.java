package cn.luoyang.pollution.dispatch.jurisdiction;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/** The grid cells with an STRtree over them. */
public final class Grids {

    /** About 10 cm: lattice cells of neighbouring districts share edges up to rounding. */
    private static final double TOUCH_DEGREES = 1e-6;

    private final Map<String, GridCell> byId = new LinkedHashMap<>();
    private final STRtree index = new STRtree();

    public Grids(List<GridCell> cells) {
        for (GridCell cell : cells) {
            byId.put(cell.id(), cell);
            index.insert(cell.polygon().getEnvelopeInternal(), cell);
        }
        index.build();
    }

    public int size() {
        return byId.size();
    }

    public Optional<GridCell> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<GridCell> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The cells that share an edge or a corner with this one (相邻网格), in either district: the
     * STRtree gives the few whose envelopes touch, the polygons decide.
     */
    public List<GridCell> neighbours(GridCell cell) {
        Envelope around = new Envelope(cell.polygon().getEnvelopeInternal());
        around.expandBy(TOUCH_DEGREES);
        @SuppressWarnings("unchecked")
        List<GridCell> candidates = index.query(around);
        return candidates.stream().filter(c -> !c.id().equals(cell.id()))
                .filter(c -> c.polygon().isWithinDistance(cell.polygon(), TOUCH_DEGREES))
                .sorted(java.util.Comparator.comparing(GridCell::id)).toList();
    }

    /** The cell of the given district that covers the point, if any. */
    public Optional<GridCell> find(String districtCode, LonLat point) {
        Envelope at = new Envelope(point.longitude(), point.longitude(), point.latitude(), point.latitude());
        @SuppressWarnings("unchecked")
        List<GridCell> candidates = index.query(at);
        Point p = null;
        for (GridCell cell : candidates) {
            if (!cell.districtCode().equals(districtCode)) {
                continue;
            }
            if (cell.rectangular()) {
                return Optional.of(cell);
            }
            if (p == null) {
                p = DistrictMap.point(point);
            }
            if (cell.covers(p)) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }
}
