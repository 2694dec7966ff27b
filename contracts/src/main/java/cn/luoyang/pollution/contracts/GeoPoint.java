package cn.luoyang.pollution.contracts;

/** A position as the reporter's device gave it; {@code datum} says which coordinate system. */
public record GeoPoint(double longitude, double latitude, Datum datum) {

    /** WGS-84 is what GPS gives; GCJ-02 (火星坐标) is what Chinese map apps (AutoNavi, Tencent) give. */
    public enum Datum { WGS84, GCJ02 }
}
