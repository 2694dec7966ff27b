package cn.luoyang.pollution.dispatch.geo;

/** A longitude/latitude pair in degrees; inside this service always GCJ-02 unless a name says otherwise. */
public record LonLat(double longitude, double latitude) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /** Great-circle distance (haversine); plenty accurate at city scale. */
    public double metresTo(LonLat other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** Degrees of latitude spanning the given metres. */
    public static double latitudeDegrees(double metres) {
        return metres / 111_195.0;
    }

    /** Degrees of longitude spanning the given metres at this latitude. */
    public double longitudeDegrees(double metres) {
        return metres / (111_195.0 * Math.cos(Math.toRadians(latitude)));
    }

    @Override
    public String toString() {
        // six decimals (≈ 0.1 m) without String.format, which costs a microsecond on the decision path
        return Math.round(longitude * 1e6) / 1e6 + "," + Math.round(latitude * 1e6) / 1e6;
    }
}
