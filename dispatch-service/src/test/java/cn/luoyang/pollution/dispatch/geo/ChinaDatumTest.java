package cn.luoyang.pollution.dispatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.luoyang.pollution.contracts.GeoPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChinaDatumTest {

    /** Published reference pairs (WGS-84 → GCJ-02) used by several independent implementations' test suites. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Shanghai, 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597",
            "Shenzhen, 113.912316, 22.543847, 113.9171764808363, 22.540796131694766",
            "Beijing, 116.377817, 39.911954, 116.38404722455657, 39.91334545536069",
            "Beijing Tiananmen, 116.404, 39.915, 116.41024449916938, 39.91640428150164"})
    void wgs84ConvertsToTheReferenceGcj02(String place, double wgsLon, double wgsLat, double gcjLon, double gcjLat) {
        LonLat gcj = ChinaDatum.wgs84ToGcj02(new LonLat(wgsLon, wgsLat));

        assertThat(gcj.longitude()).isCloseTo(gcjLon, within(1e-9));
        assertThat(gcj.latitude()).isCloseTo(gcjLat, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Shanghai, 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597",
            "Beijing, 116.377817, 39.911954, 116.38404722455657, 39.91334545536069"})
    void gcj02ConvertsBackToWgs84WithinMillimetres(String place, double wgsLon, double wgsLat, double gcjLon, double gcjLat) {
        LonLat wgs = ChinaDatum.gcj02ToWgs84(new LonLat(gcjLon, gcjLat));

        assertThat(wgs.metresTo(new LonLat(wgsLon, wgsLat))).isLessThan(0.005);
    }

    @Test
    void offsetInLuoyangIsSeveralHundredMetres() {
        LonLat wgs = new LonLat(112.45, 34.62);

        double metres = wgs.metresTo(ChinaDatum.wgs84ToGcj02(wgs));

        assertThat(metres).isBetween(300.0, 700.0);
    }

    @Test
    void gcj02InputIsTakenAsItIs() {
        assertThat(ChinaDatum.toGcj02(new GeoPoint(112.45, 34.62, GeoPoint.Datum.GCJ02))).isEqualTo(new LonLat(112.45, 34.62));
    }

    @Test
    void outsideChinaNoOffsetApplies() {
        LonLat london = new LonLat(-0.1276, 51.5072);

        assertThat(ChinaDatum.wgs84ToGcj02(london)).isEqualTo(london);
        assertThat(ChinaDatum.gcj02ToWgs84(london)).isEqualTo(london);
    }
}
