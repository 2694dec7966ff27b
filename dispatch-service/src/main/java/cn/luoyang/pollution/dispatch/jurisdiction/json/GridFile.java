package cn.luoyang.pollution.dispatch.jurisdiction.json;

import cn.luoyang.pollution.dispatch.jurisdiction.District;
import cn.luoyang.pollution.dispatch.jurisdiction.DistrictMap;
import cn.luoyang.pollution.dispatch.jurisdiction.Divisions;
import cn.luoyang.pollution.dispatch.jurisdiction.GridCell;
import cn.luoyang.pollution.dispatch.jurisdiction.LegacyCodes;
import cn.luoyang.pollution.dispatch.jurisdiction.Township;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an official grid (网格) in place of the generated lattice: a GeoJSON FeatureCollection in
 * GCJ-02, one feature per grid with {@code properties.id} (the grid id every roster and user
 * names), {@code properties.districtCode} and optionally {@code properties.townshipCode}, and a
 * Polygon or MultiPolygon. A grid must lie in its district (a grid crossing a district boundary is
 * refused, since routing is by district first); the file is refused whole, naming the feature, on
 * any error.
 */
public final class GridFile {

    private GridFile() {
    }

    public static List<GridCell> read(InputStream geoJson, DistrictMap districts, Divisions divisions) {
        JsonNode root = JsonMapper.builder().build().readTree(geoJson);
        List<GridCell> cells = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode feature : root.path("features")) {
            String at = "features[" + i++ + "]";
            JsonNode p = feature.path("properties");
            String id = p.path("id").asString("");
            String districtCode = LegacyCodes.official(p.path("districtCode").asString(""));
            String townshipCode = p.path("townshipCode").asString(null);
            if (id.isBlank() || !ids.add(id)) {
                errors.add(at + ".properties.id: required and unique");
                continue;
            }
            District district = districts.byCode(districtCode).orElse(null);
            if (district == null || district.boundary() == null) {
                errors.add(at + ".properties.districtCode: not a district with a polygon: " + districtCode);
                continue;
            }
            Township township = townshipCode == null || townshipCode.isBlank() ? null
                    : divisions.township(townshipCode).filter(t -> t.districtCode().equals(districtCode)).orElse(null);
            if (township == null && townshipCode != null && !townshipCode.isBlank()) {
                errors.add(at + ".properties.townshipCode: no township " + townshipCode + " in " + districtCode);
                continue;
            }
            Geometry polygon;
            try {
                polygon = TerritoryData.geometry(feature.path("geometry"));
            } catch (RuntimeException e) {
                errors.add(at + ".geometry: " + e.getMessage());
                continue;
            }
            // a grid drawn along the same boundary may stray by a few metres: 1% of its area is tolerated
            double outside = polygon.difference(district.boundary()).getArea();
            if (outside > polygon.getArea() * 0.01) {
                errors.add(at + ": grid " + id + " lies outside district " + districtCode);
                continue;
            }
            cells.add(new GridCell(id, districtCode, township == null ? null : township.code(),
                    township == null ? null : township.name(), polygon, false));
        }
        if (cells.isEmpty() && errors.isEmpty()) {
            errors.add("features: no grid in the file");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("grid file refused: " + String.join("; ", errors));
        }
        return cells;
    }
}
