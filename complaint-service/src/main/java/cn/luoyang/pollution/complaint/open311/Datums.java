package cn.luoyang.pollution.complaint.open311;

import cn.luoyang.pollution.contracts.GeoPoint;

/**
 * WGS-84 ↔ GCJ-02 (the obfuscated datum of Chinese map apps, 火星坐标). Open311 speaks WGS-84,
 * Chinese apps report GCJ-02: a point 300–500 m off in Luoyang. The forward transform is the
 * published closed-form approximation; the inverse is found by fixed-point iteration on it.
 */
public final class Datums {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    public static GeoPoint toWgs84(GeoPoint p) {
        if (p.datum() != GeoPoint.Datum.GCJ02) {
            return p;
        }
        double lat = p.latitude();
        double lon = p.longitude();
        for (int i = 0; i < 10; i++) {
            double[] shifted = shift(lat, lon);
            double dLat = shifted[0] - p.latitude();
            double dLon = shifted[1] - p.longitude();
            lat -= dLat;
            lon -= dLon;
            if (Math.abs(dLat) < 1e-9 && Math.abs(dLon) < 1e-9) {
                break;
            }
        }
        return new GeoPoint(lon, lat, GeoPoint.Datum.WGS84);
    }

    public static GeoPoint toGcj02(GeoPoint p) {
        if (p.datum() == GeoPoint.Datum.GCJ02) {
            return p;
        }
        double[] shifted = shift(p.latitude(), p.longitude());
        return new GeoPoint(shifted[1], shifted[0], GeoPoint.Datum.GCJ02);
    }

    /** WGS-84 (lat, lon) → GCJ-02 (lat, lon). */
    private static double[] shift(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lat + dLat, lon + dLon};
    }

    private Datums() {
    }
}
