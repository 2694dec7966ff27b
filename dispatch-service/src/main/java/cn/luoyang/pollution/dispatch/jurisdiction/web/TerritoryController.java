package cn.luoyang.pollution.dispatch.jurisdiction.web;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.jurisdiction.GridCell;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.jurisdiction.TerritoryLookup;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Territory lookups: where does a point or an address belong, which districts and grids exist. */
@RestController
@RequestMapping("/dispatch/territory")
class TerritoryController {

    private final Jurisdiction jurisdiction;

    public TerritoryController(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    public record Lookup(Territory territory, String reason, String detail, List<String> candidates, List<TraceStep> trace) {
    }

    public record DistrictView(String code, String name, List<String> shortNames, boolean hasPolygon, int grids) {
    }

    public record GridView(String id, String districtCode, String townshipCode, String townshipName, String wkt) {
    }

    @GetMapping
    public Lookup locate(@RequestParam(required = false) Double longitude, @RequestParam(required = false) Double latitude,
            @RequestParam(defaultValue = "GCJ02") String datum, @RequestParam(required = false) String address) {
        GeoPoint point = null;
        if (longitude != null || latitude != null) {
            if (longitude == null || latitude == null) {
                throw new InvalidInput(longitude == null ? "longitude" : "latitude", "give both longitude and latitude");
            }
            try {
                point = new GeoPoint(longitude, latitude, GeoPoint.Datum.valueOf(datum.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("datum", "must be WGS84 or GCJ02");
            }
        }
        TerritoryLookup lookup = jurisdiction.locate(point, address);
        if (lookup instanceof TerritoryLookup.Found f) {
            return new Lookup(f.territory(), null, null, List.of(), f.trace());
        }
        TerritoryLookup.Unresolved u = (TerritoryLookup.Unresolved) lookup;
        return new Lookup(null, u.reason(), u.detail(), u.candidates(), u.trace());
    }

    @GetMapping("/districts")
    public List<DistrictView> districts() {
        return jurisdiction.districts().all().stream().map(d -> new DistrictView(d.code(), d.name(), d.shortNames(),
                d.boundary() != null, (int) jurisdiction.grids().all().stream().filter(g -> g.districtCode().equals(d.code())).count()))
                .toList();
    }

    @GetMapping("/grids/{id}")
    public GridView grid(@PathVariable String id) {
        GridCell cell = jurisdiction.grids().byId(id).orElseThrow(() -> new NotFound("no grid " + id));
        return new GridView(cell.id(), cell.districtCode(), cell.townshipCode(), cell.townshipName(), cell.polygon().toText());
    }

    /** The cell's outline and its neighbours' (GeoJSON, GCJ-02), for a map drawn around a case's point. */
    @GetMapping("/grids/{id}/outline")
    public GridOutline outline(@PathVariable String id) {
        GridCell cell = jurisdiction.grids().byId(id).orElseThrow(() -> new NotFound("no grid " + id));
        return GridOutline.of(cell, jurisdiction.grids().neighbours(cell));
    }
}
