package cn.luoyang.pollution.dispatch.jurisdiction;

import org.locationtech.jts.geom.Geometry;

/**
 * One grid (网格), the lowest routing level: a grid leader (网格长) and grid members answer for it.
 * Cells never cross a district boundary.
 */
public record GridCell(String id, String districtCode, String townshipCode, String townshipName,
        Geometry polygon, boolean rectangular) {
}
