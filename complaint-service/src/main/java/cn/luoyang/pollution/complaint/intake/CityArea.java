package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.GeoPoint;

/**
 * The rectangle around the city (Luoyang: 111.14–112.98 E, 33.57–35.07 N, from the city outline,
 * plus a margin for the 300–500 m GCJ-02 offset). A report outside it cannot be routed to any of
 * the city's departments, so intake refuses it with a clear message rather than letting dispatch
 * queue it for nobody.
 */
public record CityArea(String name, double minLongitude, double maxLongitude, double minLatitude, double maxLatitude) {

    public static CityArea luoyang() {
        return new CityArea("Luoyang", 111.10, 113.02, 33.54, 35.10);
    }

    public boolean contains(GeoPoint point) {
        return point.longitude() >= minLongitude && point.longitude() <= maxLongitude
                && point.latitude() >= minLatitude && point.latitude() <= maxLatitude;
    }
}
