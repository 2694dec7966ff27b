package cn.luoyang.pollution.dispatch.jurisdiction;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.Territory.FoundBy;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.geo.ChinaDatum;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the territory (属地) of a complaint: county/district → township/street → grid.
 * Coordinates win over address text. A point strictly inside one district is found by
 * {@link FoundBy#POLYGON}. A point on a boundary (shared by two districts, or the city's edge)
 * goes to the covering district with the lowest code; a point in no polygon goes to the nearest
 * district if it lies within the tolerance; both are {@link FoundBy#NEAREST_WITHIN_TOLERANCE}.
 * Farther away, the complaint waits for a person (NO_TERRITORY).
 */
public final class Jurisdiction {

    private final DistrictMap districts;
    private final Divisions divisions;
    private final Grids grids;
    private final AddressMatcher addresses;
    private final double toleranceMetres;

    public Jurisdiction(DistrictMap districts, Divisions divisions, Grids grids, double toleranceMetres) {
        this.districts = districts;
        this.divisions = divisions;
        this.grids = grids;
        this.addresses = new AddressMatcher(districts, divisions);
        this.toleranceMetres = toleranceMetres;
    }

    public DistrictMap districts() {
        return districts;
    }

    public Divisions divisions() {
        return divisions;
    }

    public Grids grids() {
        return grids;
    }

    public double toleranceMetres() {
        return toleranceMetres;
    }

    public TerritoryLookup locate(GeoPoint point, String addressText) {
        return locate(point, addressText, null);
    }

    /**
     * Coordinates, else the address text, else the places named in the description (a hotline
     * operator's prose: "洛阳市涧西区中州西路的工地扬尘很大"), by the same leftmost-longest match.
     */
    public TerritoryLookup locate(GeoPoint point, String addressText, String description) {
        if (point != null) {
            return byPoint(point);
        }
        if (addressText == null || addressText.isBlank()) {
            if (description != null && !description.isBlank()) {
                return byText(description, "description", FoundBy.DESCRIPTION_TEXT);
            }
        }
        return byAddress(addressText);
    }

    public TerritoryLookup byPoint(GeoPoint given) {
        List<TraceStep> trace = new ArrayList<>(3);
        LonLat point = ChinaDatum.toGcj02(given);
        if (given.datum() == GeoPoint.Datum.WGS84) {
            trace.add(new TraceStep("datum", "WGS-84 " + given.longitude() + "," + given.latitude() + " → GCJ-02 " + point));
        }
        List<DistrictMap.Cover> covers = districts.covering(point);
        if (covers.size() == 1 && covers.get(0).interior()) {
            District district = covers.get(0).district();
            trace.add(new TraceStep("territory", "point in " + district + " polygon"));
            return found(district, point, FoundBy.POLYGON, trace);
        }
        if (!covers.isEmpty()) {
            District district = covers.get(0).district();
            trace.add(new TraceStep("territory", "point on the boundary of "
                    + covers.stream().map(c -> c.district().toString()).toList() + "; the lowest code takes it: " + district));
            return found(district, point, FoundBy.NEAREST_WITHIN_TOLERANCE, trace);
        }
        Optional<DistrictMap.Nearest> nearest = districts.nearest(point);
        if (nearest.isPresent() && nearest.get().metres() <= toleranceMetres) {
            District district = nearest.get().district();
            trace.add(new TraceStep("territory", "point outside every polygon, " + Math.round(nearest.get().metres())
                    + " m from " + district + " (tolerance " + Math.round(toleranceMetres) + " m)"));
            return found(district, point, FoundBy.NEAREST_WITHIN_TOLERANCE, trace);
        }
        List<String> candidates = nearest.map(n -> List.of(n.district() + " (" + Math.round(n.metres()) + " m)")).orElse(List.of());
        String detail = "point " + point + " (GCJ-02) lies outside every district, farther than "
                + Math.round(toleranceMetres) + " m from the nearest";
        trace.add(new TraceStep("territory", detail));
        return new TerritoryLookup.Unresolved("NO_TERRITORY", detail, candidates, point, trace);
    }

    public TerritoryLookup byAddress(String addressText) {
        if (addressText == null || addressText.isBlank()) {
            String detail = "no coordinates and no address text";
            return new TerritoryLookup.Unresolved("NO_TERRITORY", detail, List.of(), null,
                    List.of(new TraceStep("territory", detail)));
        }
        return byText(addressText, "address text", FoundBy.ADDRESS_TEXT);
    }

    /** {@code what}: which text the names came from, for the trace ("address text", "description"). */
    private TerritoryLookup byText(String text, String what, FoundBy foundBy) {
        List<TraceStep> trace = new ArrayList<>(2);
        AddressMatch match = addresses.match(text);
        if (match instanceof AddressMatch.Matched m) {
            trace.add(new TraceStep("territory", what + " names " + m.matchedNames() + " → " + m.district()
                    + (m.township() == null ? "" : " / " + m.township().name())
                    + (m.village() == null ? "" : " / " + m.village().name())));
            Township township = m.township() != null ? m.township()
                    : m.village() == null ? null : divisions.township(m.village().townshipCode()).orElse(null);
            return new TerritoryLookup.Found(new Territory(m.district().code(), m.district().name(),
                    township == null ? null : township.code(), township == null ? null : township.name(),
                    m.village() == null ? null : m.village().name(), null, foundBy), null, trace);
        }
        if (match instanceof AddressMatch.Ambiguous a) {
            trace.add(new TraceStep("territory", what + " is ambiguous: " + a.detail()));
            return new TerritoryLookup.Unresolved("AMBIGUOUS_ADDRESS", a.detail(), a.candidates(), null, trace);
        }
        String detail = "no coordinates, and no district, township or village of the city named in the " + what;
        trace.add(new TraceStep("territory", detail));
        return new TerritoryLookup.Unresolved("NO_TERRITORY", detail, List.of(), null, trace);
    }

    private TerritoryLookup found(District district, LonLat point, FoundBy foundBy, List<TraceStep> trace) {
        Optional<GridCell> cell = grids.find(district.code(), point);
        if (cell.isPresent()) {
            GridCell grid = cell.get();
            trace.add(new TraceStep("grid", "grid " + grid.id() + (grid.townshipName() == null ? "" : " of " + grid.townshipName())));
            return new TerritoryLookup.Found(new Territory(district.code(), district.name(), grid.townshipCode(),
                    grid.townshipName(), null, grid.id(), foundBy), point, trace);
        }
        return new TerritoryLookup.Found(new Territory(district.code(), district.name(), null, null, null, null, foundBy),
                point, trace);
    }
}
