package cn.luoyang.pollution.dispatch.geo;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.GeoPoint.Datum;

/**
 * Moves points between WGS-84 (GPS) and GCJ-02 (火星坐标, the datum of Chinese map apps and of the
 * district polygons) in this service's {@link LonLat} terms. The arithmetic itself lives once, in
 * {@link GeoPoint#inGcj02()} and {@link GeoPoint#inWgs84()}, shared with every service.
 */
public final class ChinaDatum {

    private ChinaDatum() {
    }

    /** The point in GCJ-02, whatever datum it came in. */
    public static LonLat toGcj02(GeoPoint point) {
        GeoPoint gcj = point.inGcj02();
        return new LonLat(gcj.longitude(), gcj.latitude());
    }

    public static LonLat wgs84ToGcj02(LonLat wgs) {
        return toGcj02(new GeoPoint(wgs.longitude(), wgs.latitude(), Datum.WGS84));
    }

    public static LonLat gcj02ToWgs84(LonLat gcj) {
        GeoPoint wgs = new GeoPoint(gcj.longitude(), gcj.latitude(), Datum.GCJ02).inWgs84();
        return new LonLat(wgs.longitude(), wgs.latitude());
    }
}
