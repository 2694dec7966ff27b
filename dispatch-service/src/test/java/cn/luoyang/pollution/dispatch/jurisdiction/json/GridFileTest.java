package cn.luoyang.pollution.dispatch.jurisdiction.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.jurisdiction.TerritoryLookup;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An official grid read from a GeoJSON file in place of the generated lattice. */
class GridFileTest {

    /** A 0.02° square around {@link Luoyang#JIANXI} (112.37, 34.65), in 涧西区's 南昌路街道. */
    private static final String AROUND_JIANXI = """
            {"type":"Feature","properties":{"id":"JX-NCL-01","districtCode":"410305","townshipCode":"410305004"},
             "geometry":{"type":"Polygon","coordinates":[[[112.36,34.64],[112.38,34.64],[112.38,34.66],[112.36,34.66],[112.36,34.64]]]}}""";

    private static Jurisdiction load(String... features) {
        String file = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
        ClassLoader loader = GridFileTest.class.getClassLoader();
        return Territories.load(location -> location.equals("grid.json")
                        ? new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)) : loader.getResourceAsStream(location),
                Territories.DISTRICTS, Territories.COUNTIES, Territories.TOWNSHIPS, Territories.VILLAGES, "grid.json",
                Luoyang.TOLERANCE_METRES, Territories.DEFAULT_GRID_CELL_KM);
    }

    @Test
    void aPointInAGridOfTheFileGetsItsIdAndTownshipAndAPointOutsideEveryGridGetsNone() {
        Jurisdiction official = load(AROUND_JIANXI);

        assertThat(official.grids().size()).isEqualTo(1);
        Territory inside = ((TerritoryLookup.Found) official.byPoint(Luoyang.JIANXI)).territory();
        assertThat(inside.gridId()).isEqualTo("JX-NCL-01");
        assertThat(inside.townshipCode()).isEqualTo("410305004");
        Territory outside = ((TerritoryLookup.Found) official.byPoint(Luoyang.OLD_TOWN)).territory();
        assertThat(outside.districtCode()).isEqualTo("410302");
        assertThat(outside.gridId()).isNull();
    }

    @Test
    void aFileWithAGridOutsideItsDistrictAnUnknownTownshipOrADuplicateIdIsRefusedWhole() {
        String inOldTown = AROUND_JIANXI.replace("\"410305\",\"townshipCode\":\"410305004\"", "\"410302\"")
                .replace("JX-NCL-01", "WRONG-DISTRICT");
        String badTownship = AROUND_JIANXI.replace("410305004", "410302001").replace("JX-NCL-01", "BAD-TOWNSHIP");

        assertThatThrownBy(() -> load(AROUND_JIANXI, inOldTown, badTownship, AROUND_JIANXI))
                .hasMessageContaining("features[1]: grid WRONG-DISTRICT lies outside district 410302")
                .hasMessageContaining("features[2].properties.townshipCode")
                .hasMessageContaining("features[3].properties.id");
    }

    @Test
    void withoutAGridFileTheLatticeIsGenerated() {
        ClassLoader loader = GridFileTest.class.getClassLoader();
        Jurisdiction generated = Territories.load(loader::getResourceAsStream, Territories.DISTRICTS, Territories.COUNTIES,
                Territories.TOWNSHIPS, Territories.VILLAGES, "", Luoyang.TOLERANCE_METRES, Territories.DEFAULT_GRID_CELL_KM);
        assertThat(generated.grids().size()).isEqualTo(Luoyang.jurisdiction().grids().size());
    }
}
