package cn.luoyang.pollution.enforcement.console.map;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * 攻坚办作战图: individual open cases as points on the server-drawn district outlines, grouped on the server by
 * a square grid (cells of 1/{@value #CELLS} of the view's width): the cases of one cell are one cluster, drawn
 * at their mean position with their count; a cell holding one case is that case's point. The grid is laid
 * over the view, so zooming to a district (a smaller view) splits the city's clusters. No map library and
 * nothing fetched from outside: the page stays offline.
 */
public final class CaseClusters {

    /** Cells across the view: about a dot's diameter on a phone, so points never sit on one another. */
    static final int CELLS = 40;

    /** One open case with a position. */
    public record Spot(String caseId, String trackingNumber, String category, String districtCode, String state,
            boolean overdue, GeoPoint position) {
    }

    /** One grid cell's cases: a single case ({@link #single()}) or a cluster; x, y in map units. */
    public record Cluster(double x, double y, List<Spot> spots) {

        public int count() {
            return spots.size();
        }

        public boolean single() {
            return spots.size() == 1;
        }

        public long overdue() {
            return spots.stream().filter(Spot::overdue).count();
        }

        /** The district all its cases lie in, or null when they span more than one. */
        public String district() {
            String first = spots.get(0).districtCode();
            return spots.stream().allMatch(s -> Objects.equals(first, s.districtCode())) ? first : null;
        }

        /** The category all its cases share, or null. */
        public String category() {
            String first = spots.get(0).category();
            return spots.stream().allMatch(s -> Objects.equals(first, s.category())) ? first : null;
        }

        public String xText() {
            return String.format(Locale.ROOT, "%.2f", x);
        }

        public String yText() {
            return String.format(Locale.ROOT, "%.2f", y);
        }
    }

    /** What the page draws: the outlines' view, the clusters, a dot's radius and the font for counts. */
    public record View(LuoyangMap.View map, List<Cluster> clusters, double radius, double fontSize, int withoutPosition) {

        public int cases() {
            return clusters.stream().mapToInt(Cluster::count).sum();
        }

        public String radiusOf(Cluster c) {
            double r = c.single() ? radius : radius * Math.min(2.4, 1.2 + Math.log10(c.count()));
            return String.format(Locale.ROOT, "%.2f", r);
        }
    }

    private CaseClusters() {
    }

    /** The spots clustered over the city, or over one district ({@code districtCode} non-null). */
    public static View of(LuoyangMap map, String districtCode, List<Spot> spots) {
        LuoyangMap.View view = map.around(districtCode, null);
        String[] box = view.viewBox().split(" ");
        double minX = Double.parseDouble(box[0]);
        double minY = Double.parseDouble(box[1]);
        double width = Double.parseDouble(box[2]);
        double cell = width / CELLS;
        Map<Long, List<Spot>> cells = new LinkedHashMap<>();
        int withoutPosition = 0;
        List<Spot> ordered = new ArrayList<>(spots);
        ordered.sort(Comparator.comparing(Spot::caseId));
        for (Spot s : ordered) {
            if (s.position() == null) {
                withoutPosition++;
                continue;
            }
            double[] at = LuoyangMap.project(s.position());
            long column = (long) Math.floor((at[0] - minX) / cell);
            long row = (long) Math.floor((at[1] - minY) / cell);
            cells.computeIfAbsent(column * 1_000_003L + row, k -> new ArrayList<>()).add(s);
        }
        List<Cluster> clusters = cells.values().stream().map(CaseClusters::cluster).toList();
        return new View(view, clusters, cell * 0.35, cell * 0.45, withoutPosition);
    }

    private static Cluster cluster(List<Spot> spots) {
        double x = 0;
        double y = 0;
        for (Spot s : spots) {
            double[] at = LuoyangMap.project(s.position());
            x += at[0];
            y += at[1];
        }
        return new Cluster(x / spots.size(), y / spots.size(), List.copyOf(spots));
    }
}
