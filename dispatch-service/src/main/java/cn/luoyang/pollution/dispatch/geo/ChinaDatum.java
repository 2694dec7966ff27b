package cn.luoyang.pollution.dispatch.geo;

import cn.luoyang.pollution.contracts.GeoPoint;

/**
 * Converts between WGS-84 (what GPS gives) and GCJ-02 (火星坐标, what Chinese map apps and the
 * district polygons use). GCJ-02 is WGS-84 plus a published, deliberately non-linear offset of a
 * few hundred metres on the Krasovsky ellipsoid; outside China no offset applies. The inverse has
 * no closed form, so it is found by fixed-point iteration to well under a millimetre.
 */
public final class ChinaDatum {

    private static final double SEMI_MAJOR_AXIS = 6378245.0;
    private static final double ECCENTRICITY_SQUARED = 0.00669342162296594323;
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-10;
    private static final int INVERSE_MAX_ITERATIONS = 30;

    private ChinaDatum() {
    }

    /** The point in GCJ-02, whatever datum it came in. */
    public static LonLat toGcj02(GeoPoint point) {
        LonLat given = new LonLat(point.longitude(), point.latitude());
        return point.datum() == GeoPoint.Datum.WGS84 ? wgs84ToGcj02(given) : given;
    }

    public static LonLat wgs84ToGcj02(LonLat wgs) {
        if (outsideChina(wgs)) {
            return wgs;
        }
        double x = wgs.longitude() - 105.0;
        double y = wgs.latitude() - 35.0;
        double radLat = Math.toRadians(wgs.latitude());
        double sinLat = Math.sin(radLat);
        double magic = 1 - ECCENTRICITY_SQUARED * sinLat * sinLat;
        double sqrtMagic = Math.sqrt(magic);
        double dLat = latitudeShift(x, y) * 180.0
                / ((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic) * Math.PI);
        double dLon = longitudeShift(x, y) * 180.0
                / (SEMI_MAJOR_AXIS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LonLat(wgs.longitude() + dLon, wgs.latitude() + dLat);
    }

    public static LonLat gcj02ToWgs84(LonLat gcj) {
        if (outsideChina(gcj)) {
            return gcj;
        }
        double lon = gcj.longitude();
        double lat = gcj.latitude();
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            LonLat forward = wgs84ToGcj02(new LonLat(lon, lat));
            double errLon = forward.longitude() - gcj.longitude();
            double errLat = forward.latitude() - gcj.latitude();
            lon -= errLon;
            lat -= errLat;
            if (Math.abs(errLon) < INVERSE_TOLERANCE_DEGREES && Math.abs(errLat) < INVERSE_TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(lon, lat);
    }

    static boolean outsideChina(LonLat p) {
        return p.longitude() < 72.004 || p.longitude() > 137.8347 || p.latitude() < 0.8293 || p.latitude() > 55.8271;
    }

    private static double latitudeShift(double x, double y) {
        double shift = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return shift;
    }

    private static double longitudeShift(double x, double y) {
        double shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return shift;
    }
}
