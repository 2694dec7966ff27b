package cn.luoyang.pollution.dispatch.jurisdiction.web;

import cn.luoyang.pollution.dispatch.jurisdiction.GridCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A grid cell's outline (网格边界) and its neighbours' as a GeoJSON FeatureCollection in GCJ-02 (the datum
 * of the district polygons and of the console's map), each geometry a MultiPolygon; the asked cell's
 * feature has {@code focus: true}. Coordinates are rounded to 1e-6 degree (about 0.1 m).
 */
public record GridOutline(String type, String grid, String datum, List<Feature> features) {

    public record Feature(String type, String id, Map<String, Object> properties, Shape geometry) {
    }

    public record Shape(String type, List<List<List<double[]>>> coordinates) {
    }

    static GridOutline of(GridCell cell, List<GridCell> neighbours) {
        List<Feature> features = new ArrayList<>();
        features.add(feature(cell, true));
        neighbours.forEach(n -> features.add(feature(n, false)));
        return new GridOutline("FeatureCollection", cell.id(), "GCJ02", List.copyOf(features));
    }

    private static Feature feature(GridCell cell, boolean focus) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("districtCode", cell.districtCode());
        properties.put("townshipName", cell.townshipName());
        properties.put("focus", focus);
        return new Feature("Feature", cell.id(), properties, new Shape("MultiPolygon", polygons(cell.polygon())));
    }

    private static List<List<List<double[]>>> polygons(Geometry geometry) {
        List<List<List<double[]>>> out = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                List<List<double[]>> rings = new ArrayList<>();
                rings.add(ring(polygon.getExteriorRing()));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings.add(ring(polygon.getInteriorRingN(h)));
                }
                out.add(rings);
            }
        }
        return out;
    }

    private static List<double[]> ring(LineString ring) {
        List<double[]> points = new ArrayList<>();
        for (Coordinate c : ring.getCoordinates()) {
            points.add(new double[] {round(c.x), round(c.y)});
        }
        return points;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
