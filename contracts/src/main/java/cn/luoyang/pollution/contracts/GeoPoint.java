package cn.luoyang.pollution.contracts;

/** A position as the reporter's device gave it; {@code datum} says which coordinate system. */
public record GeoPoint(double longitude, double latitude, Datum datum) {

    /** WGS-84 is what GPS gives; GCJ-02 (火星坐标) is what Chinese map apps (AutoNavi, Tencent) give. */
    public enum Datum { WGS84, GCJ02 }

    /** The same place in GCJ-02 (this point itself when it already is). */
    public GeoPoint inGcj02() {
        if (datum == Datum.GCJ02) {
            return this;
        }
        double[] gcj = Gcj02.fromWgs84(longitude, latitude);
        return new GeoPoint(gcj[0], gcj[1], Datum.GCJ02);
    }

    /** The same place in WGS-84 (this point itself when it already is). */
    public GeoPoint inWgs84() {
        if (datum == Datum.WGS84) {
            return this;
        }
        double[] wgs = Gcj02.toWgs84(longitude, latitude);
        return new GeoPoint(wgs[0], wgs[1], Datum.WGS84);
    }
}
