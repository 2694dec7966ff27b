package cn.luoyang.pollution.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.luoyang.pollution.contracts.GeoPoint;
import org.junit.jupiter.api.Test;

class DatumsTest {

    /** Luoyang's Bell-and-Drum Tower area, WGS-84. */
    private static final GeoPoint WGS = new GeoPoint(112.4735, 34.6810, GeoPoint.Datum.WGS84);

    @Test
    void gcj02IsAFewHundredMetresOffInLuoyang() {
        GeoPoint gcj = Datums.toGcj02(WGS);
        double metres = distance(WGS, gcj);

        assertThat(gcj.datum()).isEqualTo(GeoPoint.Datum.GCJ02);
        assertThat(metres).isBetween(200.0, 700.0);
    }

    @Test
    void backToWgs84LandsWhereItStarted() {
        GeoPoint back = Datums.toWgs84(Datums.toGcj02(WGS));

        assertThat(back.datum()).isEqualTo(GeoPoint.Datum.WGS84);
        assertThat(back.latitude()).isCloseTo(WGS.latitude(), within(1e-7));
        assertThat(back.longitude()).isCloseTo(WGS.longitude(), within(1e-7));
    }

    @Test
    void aWgs84PointIsLeftAlone() {
        assertThat(Datums.toWgs84(WGS)).isSameAs(WGS);
    }

    private static double distance(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude()) * Math.cos(Math.toRadians(a.latitude()));
        return 6_371_000 * Math.sqrt(dLat * dLat + dLon * dLon);
    }
}
