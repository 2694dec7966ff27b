package cn.luoyang.pollution.dispatch.jurisdiction;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * One grid (网格), the lowest routing level: a grid leader (网格长) and grid members answer for it.
 * Cells never cross a district boundary. A whole square answers by its envelope; a cell clipped
 * along a district boundary is prepared once, since a plain polygon test costs microseconds.
 */
public record GridCell(String id, String districtCode, String townshipCode, String townshipName,
        Geometry polygon, boolean rectangular, PreparedGeometry prepared) {

    public GridCell(String id, String districtCode, String townshipCode, String townshipName, Geometry polygon,
            boolean rectangular) {
        this(id, districtCode, townshipCode, townshipName, polygon, rectangular,
                rectangular ? null : PreparedGeometryFactory.prepare(polygon));
    }

    boolean covers(Point point) {
        return rectangular ? polygon.getEnvelopeInternal().covers(point.getCoordinate()) : prepared.covers(point);
    }
}
