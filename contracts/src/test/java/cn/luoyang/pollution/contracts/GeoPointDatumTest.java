package cn.luoyang.pollution.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointDatumTest {

    /** Luoyang's Bell-and-Drum Tower area, WGS-84. */
    private static final GeoPoint WGS = new GeoPoint(112.4735, 34.6810, GeoPoint.Datum.WGS84);

    @Test
    void gcj02IsAFewHundredMetresOffInLuoyang() {
        GeoPoint gcj = WGS.inGcj02();
        double metres = distance(WGS, gcj);

        assertThat(gcj.datum()).isEqualTo(GeoPoint.Datum.GCJ02);
        assertThat(metres).isBetween(200.0, 700.0);
    }

    @Test
    void backToWgs84LandsWhereItStarted() {
        GeoPoint back = WGS.inGcj02().inWgs84();

        assertThat(back.datum()).isEqualTo(GeoPoint.Datum.WGS84);
        assertThat(back.latitude()).isCloseTo(WGS.latitude(), within(1e-7));
        assertThat(back.longitude()).isCloseTo(WGS.longitude(), within(1e-7));
    }

    @Test
    void aWgs84PointIsLeftAlone() {
        assertThat(WGS.inWgs84()).isSameAs(WGS);
    }

    @Test
    void aPointOutsideChinaHasNoOffset() {
        GeoPoint london = new GeoPoint(-0.1276, 51.5072, GeoPoint.Datum.WGS84);
        assertThat(london.inGcj02()).isEqualTo(new GeoPoint(-0.1276, 51.5072, GeoPoint.Datum.GCJ02));
    }

    private static double distance(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude()) * Math.cos(Math.toRadians(a.latitude()));
        return 6_371_000 * Math.sqrt(dLat * dLat + dLon * dLon);
    }
}
