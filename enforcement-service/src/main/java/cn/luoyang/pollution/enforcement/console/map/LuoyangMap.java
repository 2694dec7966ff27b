package cn.luoyang.pollution.enforcement.console.map;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Luoyang's district outlines as SVG paths, drawn on the server from the bundled GeoJSON (no map
 * tiles, nothing fetched from outside). A simple equirectangular projection is enough at city scale.
 * The outlines are GCJ-02; a WGS-84 position is drawn as is (a few hundred metres off at most).
 */
@Component
public class LuoyangMap {

    static final String GEOJSON = "static/console/assets/geo/luoyang-districts.json";
    /** The GeoJSON still carries the pre-2021 codes of 孟津区 and 偃师区; dispatch uses the official ones. */
    static final Map<String, String> OFFICIAL_TO_GEOJSON = Map.of("410308", "410306", "410307", "410381");

    private static final double SCALE = 1000;
    private static final double COS_LAT = Math.cos(Math.toRadians(34.3));

    private final List<District> districts;

    public LuoyangMap() {
        this.districts = load();
    }

    /** One district outline in map units. */
    public record District(String code, String name, String path, double minX, double minY, double maxX, double maxY) {
    }

    /** What a page draws: every outline, the highlighted district, the view box and the dot. */
    public record View(String viewBox, List<District> districts, String highlighted, Double dotX, Double dotY, double stroke) {
    }

    public List<District> districts() {
        return districts;
    }

    /** The code the GeoJSON uses for a district (the legacy one for 孟津区 and 偃师区). */
    public String geoJsonCode(String districtCode) {
        return OFFICIAL_TO_GEOJSON.getOrDefault(districtCode, districtCode);
    }

    /** The district's name, or the code itself when the GeoJSON does not know it. */
    public String name(String districtCode) {
        String code = geoJsonCode(districtCode);
        return districts.stream().filter(d -> d.code().equals(code)).map(District::name).findFirst().orElse(districtCode);
    }

    /** A view zoomed on the district (the whole city when it is unknown), with the case's position. */
    public View around(String districtCode, GeoPoint position) {
        String code = districtCode == null ? null : OFFICIAL_TO_GEOJSON.getOrDefault(districtCode, districtCode);
        District focus = districts.stream().filter(d -> d.code().equals(code)).findFirst().orElse(null);
        double minX, minY, maxX, maxY;
        if (focus == null) {
            minX = districts.stream().mapToDouble(District::minX).min().orElse(0);
            minY = districts.stream().mapToDouble(District::minY).min().orElse(0);
            maxX = districts.stream().mapToDouble(District::maxX).max().orElse(1);
            maxY = districts.stream().mapToDouble(District::maxY).max().orElse(1);
        } else {
            minX = focus.minX();
            minY = focus.minY();
            maxX = focus.maxX();
            maxY = focus.maxY();
        }
        double padX = (maxX - minX) * 0.15;
        double padY = (maxY - minY) * 0.15;
        String viewBox = String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", minX - padX, minY - padY, maxX - minX + 2 * padX,
                maxY - minY + 2 * padY);
        Double x = position == null ? null : x(position.longitude());
        Double y = position == null ? null : y(position.latitude());
        return new View(viewBox, districts, focus == null ? null : focus.code(), x, y, Math.max(maxX - minX, maxY - minY) / 250);
    }

    /** A position in map units ({x, y}), first converted to the outlines' datum (GCJ-02). */
    public static double[] project(GeoPoint position) {
        GeoPoint p = position.inGcj02();
        return new double[] {x(p.longitude()), y(p.latitude())};
    }

    static double x(double longitude) {
        return longitude * COS_LAT * SCALE;
    }

    static double y(double latitude) {
        return -latitude * SCALE;
    }

    private static List<District> load() {
        try (InputStream in = new ClassPathResource(GEOJSON).getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<District> out = new ArrayList<>();
            for (JsonNode feature : root.get("features")) {
                out.add(district(feature));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static District district(JsonNode feature) {
        JsonNode props = feature.get("properties");
        JsonNode geometry = feature.get("geometry");
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        StringBuilder path = new StringBuilder();
        JsonNode polygons = "Polygon".equals(geometry.get("type").asString())
                ? JsonMapper.builder().build().createArrayNode().add(geometry.get("coordinates")) : geometry.get("coordinates");
        for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
                ring(ring, path, box);
            }
        }
        return new District(props.get("adcode").asString(), props.get("name").asString(), path.toString(),
                box[0], box[1], box[2], box[3]);
    }

    /** Appends one ring, dropping points closer than a metre-scale step to keep the page small. */
    private static void ring(JsonNode ring, StringBuilder path, double[] box) {
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        boolean first = true;
        for (JsonNode point : ring) {
            double px = x(point.get(0).asDouble());
            double py = y(point.get(1).asDouble());
            box[0] = Math.min(box[0], px);
            box[1] = Math.min(box[1], py);
            box[2] = Math.max(box[2], px);
            box[3] = Math.max(box[3], py);
            if (!first && Math.abs(px - lastX) < 0.15 && Math.abs(py - lastY) < 0.15) {
                continue;
            }
            path.append(first ? 'M' : 'L').append(String.format(Locale.ROOT, "%.2f %.2f", px, py));
            lastX = px;
            lastY = py;
            first = false;
        }
        path.append('Z');
    }
}
