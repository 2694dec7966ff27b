package cn.luoyang.pollution.dispatch.jurisdiction;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Generates a demonstration grid (网格) for the city: a square lattice of {@code cellKm} clipped
 * to each district, so that every cell belongs to exactly one district. Luoyang has about 3,400
 * grid leaders; a lattice of 2.32 km gives 3,428 cells. The city's real grid is drawn by
 * hand along streets and villages; the demonstration gives routing and the benchmark the right
 * shape and count. Townships have no polygons, so cells are given to a district's townships in
 * bands from north to south: plausible for a demonstration, not a survey.
 */
public final class GridGenerator {

    private GridGenerator() {
    }

    public static List<GridCell> generate(DistrictMap districts, Divisions divisions, double cellKm) {
        List<GridCell> cells = new ArrayList<>();
        for (District district : districts.all()) {
            if (district.boundary() != null) {
                cells.addAll(cellsOf(district, divisions.townshipsOf(district.code()), cellKm));
            }
        }
        return cells;
    }

    private static List<GridCell> cellsOf(District district, List<Township> townships, double cellKm) {
        Envelope box = district.boundary().getEnvelopeInternal();
        double middleLatitude = (box.getMinY() + box.getMaxY()) / 2;
        double dLat = cellKm / 111.195;
        double dLon = cellKm / (111.195 * Math.cos(Math.toRadians(middleLatitude)));
        // Anchor the lattice on whole multiples so neighbouring districts share cell edges.
        double startLon = Math.floor(box.getMinX() / dLon) * dLon;
        double startLat = Math.ceil(box.getMaxY() / dLat) * dLat;
        List<Geometry> pieces = new ArrayList<>();
        List<Boolean> whole = new ArrayList<>();
        for (double top = startLat; top > box.getMinY(); top -= dLat) {
            for (double left = startLon; left < box.getMaxX(); left += dLon) {
                Polygon square = (Polygon) DistrictMap.GEOMETRY.toGeometry(new Envelope(left, left + dLon, top - dLat, top));
                if (district.prepared().containsProperly(square)) {
                    pieces.add(square);
                    whole.add(true);
                } else if (district.prepared().intersects(square)) {
                    // OverlayNG clips the district to the square's envelope first: much faster than the classic overlay.
                    Geometry piece = OverlayNGRobust.overlay(district.boundary(), square, OverlayNG.INTERSECTION);
                    if (piece instanceof Polygonal && !piece.isEmpty() && piece.getArea() > 0) {
                        pieces.add(piece);
                        whole.add(false);
                    }
                }
            }
        }
        List<GridCell> cells = new ArrayList<>(pieces.size());
        int perTownship = townships.isEmpty() ? Integer.MAX_VALUE : (pieces.size() + townships.size() - 1) / townships.size();
        for (int i = 0; i < pieces.size(); i++) {
            Township township = townships.isEmpty() ? null : townships.get(Math.min(i / perTownship, townships.size() - 1));
            cells.add(new GridCell(String.format("%s-%04d", district.code(), i + 1), district.code(),
                    township == null ? null : township.code(), township == null ? null : township.name(),
                    pieces.get(i), whole.get(i)));
        }
        return cells;
    }
}
