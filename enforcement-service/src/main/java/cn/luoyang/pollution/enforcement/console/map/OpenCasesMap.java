package cn.luoyang.pollution.enforcement.console.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 挂图作战: the city's districts shaded by their open cases, drawn on the server as SVG for the weekly report
 * (no map library and no GeoJSON download in the browser). Each district names itself in a tooltip with its
 * count; names are written on the map only where they do not overlap another one already placed, districts
 * with open cases first, then the larger ones (the six urban districts are small at the city's scale).
 */
public final class OpenCasesMap {

    /** Below ~1/45 of the map's width a district name is unreadable on a phone; above, they crowd. */
    private static final double FONT_SHARE = 1.0 / 42;
    static final String NONE = "#eef4f8";
    static final List<String> SHADES = List.of("#f8e08e", "#f0a64a", "#d9653b", "#b03a2e");

    /** One district: outline, open cases, fill, and where its name goes (null label: not written, tooltip only). */
    public record Area(String code, String name, String path, long open, String fill, Double labelX, Double labelY) {

        public boolean dark() {
            return SHADES.indexOf(fill) >= 2;
        }
    }

    public record View(String viewBox, List<Area> areas, double fontSize, double stroke, long max) {
    }

    private OpenCasesMap() {
    }

    /** @param open open cases per GeoJSON district code (missing: none) */
    public static View of(LuoyangMap map, Map<String, Long> open) {
        LuoyangMap.View city = map.around(null, null);
        String[] box = city.viewBox().split(" ");
        double font = Double.parseDouble(box[2]) * FONT_SHARE;
        long max = open.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<LuoyangMap.District> order = new ArrayList<>(city.districts());
        order.sort(Comparator.comparing((LuoyangMap.District d) -> open.getOrDefault(d.code(), 0L) > 0).reversed()
                .thenComparing(Comparator.comparingDouble((LuoyangMap.District d) -> (d.maxX() - d.minX()) * (d.maxY() - d.minY()))
                        .reversed()));
        List<double[]> placed = new ArrayList<>();
        Map<String, double[]> labels = new java.util.HashMap<>();
        for (LuoyangMap.District d : order) {
            double cx = (d.minX() + d.maxX()) / 2;
            double cy = (d.minY() + d.maxY()) / 2;
            double w = d.name().length() * font;
            double[] label = {cx - w / 2, cy - font * 0.8, cx + w / 2, cy + font * 0.3};
            if (placed.stream().noneMatch(p -> p[0] < label[2] && label[0] < p[2] && p[1] < label[3] && label[1] < p[3])) {
                placed.add(label);
                labels.put(d.code(), new double[] {cx, cy});
            }
        }
        List<Area> areas = city.districts().stream().map(d -> {
            long n = open.getOrDefault(d.code(), 0L);
            double[] at = labels.get(d.code());
            return new Area(d.code(), d.name(), d.path(), n, fill(n, max), at == null ? null : round(at[0]), at == null ? null : round(at[1]));
        }).toList();
        return new View(city.viewBox(), areas, round(font), city.stroke(), max);
    }

    static String fill(long n, long max) {
        if (n <= 0 || max <= 0) {
            return NONE;
        }
        int step = (int) Math.min(SHADES.size() - 1, Math.ceil((double) n / max * SHADES.size()) - 1);
        return SHADES.get(Math.max(0, step));
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", v));
    }
}
