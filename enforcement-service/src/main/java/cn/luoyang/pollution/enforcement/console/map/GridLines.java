package cn.luoyang.pollution.enforcement.console.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The case's grid (网格) and the grids around it as SVG paths on {@link LuoyangMap}'s projection, from
 * dispatch-service's outline (a GeoJSON FeatureCollection in GCJ-02, the datum of the district outlines).
 * Township outlines are not drawn: no township polygons are public.
 */
public record GridLines(String gridId, String path, List<Cell> neighbours) {

    /** One neighbouring grid. */
    public record Cell(String id, String path) {
    }

    /** The drawing of dispatch's answer, or null when it holds no feature for the grid. */
    @SuppressWarnings("unchecked")
    public static GridLines of(String gridId, Map<String, Object> outline) {
        if (outline == null || !(outline.get("features") instanceof List<?> features)) {
            return null;
        }
        String own = null;
        List<Cell> around = new ArrayList<>();
        for (Object f : features) {
            if (!(f instanceof Map<?, ?> feature) || !(feature.get("geometry") instanceof Map<?, ?> geometry)) {
                continue;
            }
            String path = path((List<Object>) geometry.get("coordinates"));
            String id = String.valueOf(feature.get("id"));
            if (gridId.equals(id)) {
                own = path;
            } else {
                around.add(new Cell(id, path));
            }
        }
        return own == null ? null : new GridLines(gridId, own, List.copyOf(around));
    }

    /** A MultiPolygon's rings as one path (closed sub-paths). */
    @SuppressWarnings("unchecked")
    private static String path(List<Object> polygons) {
        StringBuilder path = new StringBuilder();
        for (Object polygon : polygons == null ? List.of() : polygons) {
            for (Object ring : (List<Object>) polygon) {
                boolean first = true;
                for (Object point : (List<Object>) ring) {
                    List<Number> lonLat = (List<Number>) point;
                    path.append(first ? 'M' : 'L').append(String.format(Locale.ROOT, "%.2f %.2f",
                            LuoyangMap.x(lonLat.get(0).doubleValue()), LuoyangMap.y(lonLat.get(1).doubleValue())));
                    first = false;
                }
                path.append('Z');
            }
        }
        return path.toString();
    }
}
