package cn.luoyang.pollution.systemtests.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Luoyang's 14 county-level areas (GCJ-02 polygons) and a way to pick a point inside one: urban
 * districts, where most reports come from, weigh more.
 */
public final class Districts {

    /** One district: its code, name, the rings of its polygons and their bounding box. */
    public record District(String code, String name, List<double[][]> rings, double minLon, double minLat,
                           double maxLon, double maxLat, int weight) {

        boolean contains(double lon, double lat) {
            boolean inside = false;
            for (double[][] ring : rings) {
                for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                    double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
                    if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    private static final List<String> URBAN = List.of("410302", "410303", "410304", "410305", "410311");

    private final List<District> districts;
    private final int totalWeight;

    private Districts(List<District> districts) {
        this.districts = List.copyOf(districts);
        this.totalWeight = districts.stream().mapToInt(District::weight).sum();
    }

    public static Districts load() {
        try (InputStream in = Districts.class.getResourceAsStream("/load/luoyang-districts.gcj02.geojson")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<District> list = new ArrayList<>();
            for (JsonNode feature : root.path("features")) {
                String code = feature.path("properties").path("adcode").asString();
                String name = feature.path("properties").path("name").asString();
                List<double[][]> rings = new ArrayList<>();
                double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
                for (JsonNode polygon : feature.path("geometry").path("coordinates")) {
                    for (JsonNode ring : polygon) {
                        double[][] points = new double[ring.size()][];
                        for (int i = 0; i < ring.size(); i++) {
                            double lon = ring.get(i).get(0).asDouble();
                            double lat = ring.get(i).get(1).asDouble();
                            points[i] = new double[] {lon, lat};
                            minLon = Math.min(minLon, lon);
                            maxLon = Math.max(maxLon, lon);
                            minLat = Math.min(minLat, lat);
                            maxLat = Math.max(maxLat, lat);
                        }
                        rings.add(points);
                    }
                }
                list.add(new District(code, name, rings, minLon, minLat, maxLon, maxLat, URBAN.contains(code) ? 4 : 1));
            }
            return new Districts(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<District> all() {
        return districts;
    }

    public District pick(Random random) {
        int r = random.nextInt(totalWeight);
        for (District d : districts) {
            r -= d.weight();
            if (r < 0) {
                return d;
            }
        }
        return districts.get(districts.size() - 1);
    }

    /** A point inside {@code district} (rejection sampling in its bounding box). */
    public static double[] pointIn(District district, Random random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double lon = district.minLon() + random.nextDouble() * (district.maxLon() - district.minLon());
            double lat = district.minLat() + random.nextDouble() * (district.maxLat() - district.minLat());
            if (district.contains(lon, lat)) {
                return new double[] {lon, lat};
            }
        }
        throw new IllegalStateException("no point found inside " + district.name());
    }
}
