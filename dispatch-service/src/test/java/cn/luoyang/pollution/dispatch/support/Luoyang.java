package cn.luoyang.pollution.dispatch.support;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.jurisdiction.json.Territories;

/** The bundled Luoyang territory (immutable, so loaded once per test JVM) and well-known places in it. */
public final class Luoyang {

    public static final double TOLERANCE_METRES = 500;

    /** Inside 涧西区 (GCJ-02), near 中州西路. */
    public static final GeoPoint JIANXI = gcj(112.3700, 34.6500);
    /** Inside 老城区 (GCJ-02), the old town near 丽景门. */
    public static final GeoPoint OLD_TOWN = gcj(112.4700, 34.6880);
    /** Inside 孟津区, whose polygon carries the legacy code 410306. */
    public static final GeoPoint MENGJIN = gcj(112.485027, 34.832578);
    /** Inside 偃师区, whose polygon carries the legacy code 410381. */
    public static final GeoPoint YANSHI = gcj(112.780141, 34.638423);
    /** Countryside of 宜阳县. */
    public static final GeoPoint YIYANG = gcj(112.0230, 34.4780);
    /** Inside 洛龙区. */
    public static final GeoPoint LUOLONG = gcj(112.5440, 34.6015);
    /** A vertex that 西工区 and 涧西区 share: on both boundaries. */
    public static final GeoPoint WEST_JIANXI_BOUNDARY = gcj(112.423201, 34.644371);
    /** Read as GCJ-02 this lies in 新安县; read as WGS-84 (≈ 500 m further east once converted) in 涧西区. */
    public static final double[] DATUM_SENSITIVE = {112.3000, 34.6473};
    /** Outside every district, about 244 m from 洛宁县. */
    public static final GeoPoint JUST_OUTSIDE = gcj(111.1500, 34.3500);
    /** Outside every district, about 2.7 km from 洛宁县. */
    public static final GeoPoint FAR_OUTSIDE = gcj(111.1100, 34.3500);
    /** Zhengzhou, another city. */
    public static final GeoPoint ZHENGZHOU = gcj(113.6650, 34.7580);

    private static Jurisdiction jurisdiction;

    private Luoyang() {
    }

    public static synchronized Jurisdiction jurisdiction() {
        if (jurisdiction == null) {
            jurisdiction = Territories.luoyang(TOLERANCE_METRES);
        }
        return jurisdiction;
    }

    public static GeoPoint gcj(double lon, double lat) {
        return new GeoPoint(lon, lat, GeoPoint.Datum.GCJ02);
    }

    /** A point {@code metres} east of the given one (GCJ-02). */
    public static GeoPoint east(GeoPoint p, double metres) {
        return gcj(p.longitude() + metres / (111_195.0 * Math.cos(Math.toRadians(p.latitude()))), p.latitude());
    }
}
