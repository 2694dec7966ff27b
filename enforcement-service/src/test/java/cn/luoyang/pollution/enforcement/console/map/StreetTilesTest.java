package cn.luoyang.pollution.enforcement.console.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.luoyang.pollution.contracts.GeoPoint;
import org.junit.jupiter.api.Test;

class StreetTilesTest {

    private static final GeoPoint TIANJIN_ROAD = new GeoPoint(112.39, 34.66, GeoPoint.Datum.WGS84);

    @Test
    void withoutATileServiceTheConsoleStaysOffline() {
        StreetTiles none = new StreetTiles("", 16, "", GeoPoint.Datum.WGS84);

        assertThat(none.configured()).isFalse();
        assertThat(none.around(TIANJIN_ROAD)).isNull();
        assertThat(StreetTiles.origin("")).isEmpty();
    }

    @Test
    void theNineTilesAroundThePointAreTheWebMercatorTilesAtTheZoom() {
        StreetTiles tiles = new StreetTiles("https://gis.ly.gov.cn/wmts/vec/{z}/{y}/{x}.png", 16, "洛阳市", GeoPoint.Datum.WGS84);

        StreetTiles.Window w = tiles.around(TIANJIN_ROAD);

        // x = (112.39 + 180) / 360 * 2^16 = 53227.98; y = 26034.07 (Web Mercator at 34.66°N)
        assertThat(w.tiles()).hasSize(9);
        assertThat(w.tiles().get(4).url()).isEqualTo("https://gis.ly.gov.cn/wmts/vec/16/26034/53227.png");
        assertThat(w.tiles().get(0).url()).isEqualTo("https://gis.ly.gov.cn/wmts/vec/16/26033/53226.png");
        assertThat(w.tiles().get(8).style()).isEqualTo("left:66.6667%;top:66.6667%");
        // the point lies in the middle tile, at its fraction of the tile
        assertThat(w.markerLeft()).isCloseTo((1 + 0.9751) * 100 / 3, within(0.01));
        assertThat(w.markerTop()).isCloseTo((1 + 0.0713) * 100 / 3, within(0.01));
    }

    @Test
    void theContentSecurityPolicyAllowsTheTileServicesOriginOnly() {
        assertThat(StreetTiles.origin("https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY"))
                .isEqualTo("https://t0.tianditu.gov.cn");
        assertThat(StreetTiles.origin("http://127.0.0.1:8099/tiles/{z}/{x}/{y}.png")).isEqualTo("http://127.0.0.1:8099");
        assertThatThrownBy(() -> StreetTiles.origin("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
    }
}
