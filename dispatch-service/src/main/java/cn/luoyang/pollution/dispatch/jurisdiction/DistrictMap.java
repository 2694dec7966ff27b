package cn.luoyang.pollution.dispatch.jurisdiction;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The districts and a spatial index (STRtree) over their boundaries. {@link #covering} answers
 * point-in-polygon; {@link #nearest} serves points on a boundary gap or just outside the city.
 */
public final class DistrictMap {

    public static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Map<String, District> byCode = new LinkedHashMap<>();
    private final STRtree index = new STRtree();
    private final Map<String, IndexedFacetDistance> distances = new LinkedHashMap<>();

    public DistrictMap(List<District> districts) {
        for (District district : districts) {
            byCode.put(district.code(), district);
            if (district.boundary() != null) {
                index.insert(district.boundary().getEnvelopeInternal(), district);
                distances.put(district.code(), new IndexedFacetDistance(district.boundary()));
            }
        }
        index.build();
    }

    public Optional<District> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<District> all() {
        return List.copyOf(byCode.values());
    }

    /** Every district whose polygon covers the point (its interior or its boundary), by code. */
    public List<Cover> covering(LonLat point) {
        Point p = point(point);
        @SuppressWarnings("unchecked")
        List<District> candidates = index.query(new Envelope(p.getCoordinate()));
        List<Cover> covers = new ArrayList<>(1);
        for (District district : candidates) {
            if (district.prepared().covers(p)) {
                covers.add(new Cover(district, district.prepared().contains(p)));
            }
        }
        if (covers.size() > 1) {
            covers.sort(Comparator.comparing(c -> c.district().code()));
        }
        return covers;
    }

    /** The district nearest to the point, with the distance in metres (0 when it covers it). */
    public Optional<Nearest> nearest(LonLat point) {
        Point p = point(point);
        Nearest best = null;
        for (District district : byCode.values()) {
            IndexedFacetDistance distance = distances.get(district.code());
            if (distance == null) {
                continue;
            }
            Coordinate[] nearestPoints = distance.nearestPoints(p);
            LonLat onBoundary = new LonLat(nearestPoints[0].x, nearestPoints[0].y);
            double metres = point.metresTo(onBoundary);
            if (best == null || metres < best.metres()
                    || (metres == best.metres() && district.code().compareTo(best.district().code()) < 0)) {
                best = new Nearest(district, metres);
            }
        }
        return Optional.ofNullable(best);
    }

    static Point point(LonLat lonLat) {
        return GEOMETRY.createPoint(new Coordinate(lonLat.longitude(), lonLat.latitude()));
    }

    /** A district covering a point; {@code interior} is false when the point lies on its boundary. */
    public record Cover(District district, boolean interior) {
    }

    public record Nearest(District district, double metres) {
    }
}
