package cn.luoyang.pollution.enforcement.console.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseClustersTest {

    private final LuoyangMap map = new LuoyangMap();

    private static CaseClusters.Spot spot(String id, String district, boolean overdue, double lon, double lat) {
        return new CaseClusters.Spot(id, "LY-" + id, "AIR_CONSTRUCTION_DUST", district, "DISPATCHED", overdue,
                new GeoPoint(lon, lat, GeoPoint.Datum.GCJ02));
    }

    @Test
    void casesInOneGridCellOfTheCityAreOneClusterAndAFarOneStaysAPoint() {
        List<CaseClusters.Spot> spots = List.of(spot("A", "410305", false, 112.3901, 34.6601),
                spot("B", "410305", true, 112.3903, 34.6602), spot("C", "410311", false, 112.60, 34.50));

        CaseClusters.View view = CaseClusters.of(map, null, spots);

        assertThat(view.clusters()).hasSize(2);
        CaseClusters.Cluster pair = view.clusters().stream().filter(c -> !c.single()).findFirst().orElseThrow();
        assertThat(pair.count()).isEqualTo(2);
        assertThat(pair.overdue()).isEqualTo(1);
        assertThat(pair.district()).isEqualTo("410305");
        assertThat(view.clusters().stream().filter(CaseClusters.Cluster::single).findFirst().orElseThrow().spots().get(0).caseId())
                .isEqualTo("C");
        assertThat(view.cases()).isEqualTo(3);
    }

    @Test
    void zoomingToTheDistrictSplitsACityClusterOfNearbyCases() {
        // about 600 m apart: one cell of the city's grid (≈ 3 km), two of 涧西区's (≈ 0.5 km)
        List<CaseClusters.Spot> spots = List.of(spot("A", "410305", false, 112.380, 34.660),
                spot("B", "410305", false, 112.386, 34.662));

        assertThat(CaseClusters.of(map, null, spots).clusters()).hasSize(1);
        assertThat(CaseClusters.of(map, "410305", spots).clusters()).hasSize(2).allMatch(CaseClusters.Cluster::single);
    }

    @Test
    void aCaseWithoutPositionIsCountedNotDrawn() {
        CaseClusters.View view = CaseClusters.of(map, null, List.of(new CaseClusters.Spot("X", "LY-X", "AIR_CONSTRUCTION_DUST",
                null, "DISPATCHED", false, null)));

        assertThat(view.clusters()).isEmpty();
        assertThat(view.withoutPosition()).isEqualTo(1);
    }
}
