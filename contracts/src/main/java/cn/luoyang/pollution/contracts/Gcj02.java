package cn.luoyang.pollution.contracts;

/**
 * The arithmetic between WGS-84 (what GPS gives) and GCJ-02 (火星坐标, what Chinese map apps and
 * the district polygons use). GCJ-02 is WGS-84 plus a published, deliberately non-linear offset of
 * a few hundred metres on the Krasovsky ellipsoid; outside China no offset applies. The inverse has
 * no closed form, so it is found by fixed-point iteration to well under a millimetre. Kept here,
 * once, so that every service moves a point the same way.
 */
final class Gcj02 {

    private static final double SEMI_MAJOR_AXIS = 6378245.0;
    private static final double ECCENTRICITY_SQUARED = 0.00669342162296594323;
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-10;
    private static final int INVERSE_MAX_ITERATIONS = 30;

    /** {longitude, latitude} in GCJ-02 of a WGS-84 position. */
    static double[] fromWgs84(double longitude, double latitude) {
        if (outsideChina(longitude, latitude)) {
            return new double[] {longitude, latitude};
        }
        double x = longitude - 105.0;
        double y = latitude - 35.0;
        double radLat = Math.toRadians(latitude);
        double sinLat = Math.sin(radLat);
        double magic = 1 - ECCENTRICITY_SQUARED * sinLat * sinLat;
        double sqrtMagic = Math.sqrt(magic);
        double dLat = latitudeShift(x, y) * 180.0
                / ((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic) * Math.PI);
        double dLon = longitudeShift(x, y) * 180.0
                / (SEMI_MAJOR_AXIS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {longitude + dLon, latitude + dLat};
    }

    /** {longitude, latitude} in WGS-84 of a GCJ-02 position. */
    static double[] toWgs84(double longitude, double latitude) {
        if (outsideChina(longitude, latitude)) {
            return new double[] {longitude, latitude};
        }
        double lon = longitude;
        double lat = latitude;
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            double[] forward = fromWgs84(lon, lat);
            double errLon = forward[0] - longitude;
            double errLat = forward[1] - latitude;
            lon -= errLon;
            lat -= errLat;
            if (Math.abs(errLon) < INVERSE_TOLERANCE_DEGREES && Math.abs(errLat) < INVERSE_TOLERANCE_DEGREES) {
                break;
            }
        }
        return new double[] {lon, lat};
    }

    private static boolean outsideChina(double longitude, double latitude) {
        return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
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

    private Gcj02() {
    }
}
