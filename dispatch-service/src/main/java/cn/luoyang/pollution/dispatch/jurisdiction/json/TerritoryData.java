package cn.luoyang.pollution.dispatch.jurisdiction.json;

import cn.luoyang.pollution.dispatch.jurisdiction.District;
import cn.luoyang.pollution.dispatch.jurisdiction.DistrictMap;
import cn.luoyang.pollution.dispatch.jurisdiction.Divisions;
import cn.luoyang.pollution.dispatch.jurisdiction.LegacyCodes;
import cn.luoyang.pollution.dispatch.jurisdiction.Township;
import cn.luoyang.pollution.dispatch.jurisdiction.Village;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the territory files: the DataV GeoJSON of district polygons (GCJ-02) and the statistics
 * bureau's CSVs of counties, townships and villages. Legacy district codes are mapped to the
 * official ones as the polygons are read.
 */
public final class TerritoryData {

    private TerritoryData() {
    }

    public static DistrictMap districts(InputStream geoJson, InputStream countiesCsv) {
        Map<String, District> districts = new LinkedHashMap<>();
        JsonNode root = JsonMapper.builder().build().readTree(geoJson);
        for (JsonNode feature : root.path("features")) {
            JsonNode properties = feature.path("properties");
            String code = LegacyCodes.official(properties.path("adcode").asString());
            districts.put(code, new District(code, properties.path("name").asString(), geometry(feature.path("geometry"))));
        }
        for (String[] row : csv(countiesCsv)) {
            districts.putIfAbsent(row[0], new District(row[0], row[1], null));
        }
        return new DistrictMap(List.copyOf(districts.values()));
    }

    public static Divisions divisions(InputStream townshipsCsv, InputStream villagesCsv) {
        List<Township> townships = csv(townshipsCsv).stream().map(r -> new Township(r[0], r[1], r[2])).toList();
        List<Village> villages = csv(villagesCsv).stream().map(r -> new Village(r[0], r[1], r[2], r[5])).toList();
        return new Divisions(townships, villages);
    }

    static Geometry geometry(JsonNode geometry) {
        String type = geometry.path("type").asString();
        JsonNode coordinates = geometry.path("coordinates");
        List<Polygon> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(polygon(coordinates));
        } else if ("MultiPolygon".equals(type)) {
            coordinates.forEach(p -> polygons.add(polygon(p)));
        } else {
            throw new IllegalArgumentException("unsupported geometry type " + type);
        }
        Geometry multi = DistrictMap.GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        // Traced boundaries may self-touch; buffer(0) gives a valid polygon for the predicates.
        return multi.isValid() ? multi : multi.buffer(0);
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return DistrictMap.GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        List<Coordinate> coordinates = new ArrayList<>(points.size() + 1);
        points.forEach(p -> coordinates.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(new Coordinate(coordinates.get(0)));
        }
        return DistrictMap.GEOMETRY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }

    /** Rows after the header, split on commas, quotes removed (these files quote only names without commas). */
    static List<String[]> csv(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Function<String, String[]> split = line -> {
                String[] fields = line.split(",", -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].replace("\"", "").trim();
                }
                return fields;
            };
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(split).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
