package cn.luoyang.pollution.dispatch.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.Territory.FoundBy;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

class JurisdictionTest {

    private final Jurisdiction jurisdiction = Luoyang.jurisdiction();

    private Territory found(TerritoryLookup lookup) {
        assertThat(lookup).isInstanceOf(TerritoryLookup.Found.class);
        return ((TerritoryLookup.Found) lookup).territory();
    }

    @Test
    void pointInsideADistrictIsFoundByItsPolygonWithItsGrid() {
        Territory t = found(jurisdiction.byPoint(Luoyang.JIANXI));

        assertThat(t.districtCode()).isEqualTo("410305");
        assertThat(t.districtName()).isEqualTo("涧西区");
        assertThat(t.foundBy()).isEqualTo(FoundBy.POLYGON);
        assertThat(t.gridId()).startsWith("410305-");
        assertThat(t.townshipCode()).startsWith("410305");
    }

    @Test
    void legacyCodesOfTheMergedDistrictsBecomeTheOfficialOnes() {
        assertThat(found(jurisdiction.byPoint(Luoyang.MENGJIN)).districtCode()).isEqualTo("410308");
        assertThat(found(jurisdiction.byPoint(Luoyang.YANSHI)).districtCode()).isEqualTo("410307");
        assertThat(jurisdiction.districts().all()).extracting(District::code).doesNotContain("410306", "410381")
                .contains("410307", "410308");
    }

    @Test
    void theSameNumbersLandInDifferentDistrictsDependingOnTheirDatum() {
        double[] p = Luoyang.DATUM_SENSITIVE;

        Territory asGcj = found(jurisdiction.byPoint(new GeoPoint(p[0], p[1], GeoPoint.Datum.GCJ02)));
        Territory asWgs = found(jurisdiction.byPoint(new GeoPoint(p[0], p[1], GeoPoint.Datum.WGS84)));

        assertThat(asGcj.districtCode()).isEqualTo("410323");
        assertThat(asWgs.districtCode()).isEqualTo("410305");
        assertThat(jurisdiction.byPoint(new GeoPoint(p[0], p[1], GeoPoint.Datum.WGS84)).trace().get(0).step()).isEqualTo("datum");
    }

    @Test
    void pointOnASharedBoundaryGoesToTheLowestCodeAndSaysSo() {
        TerritoryLookup lookup = jurisdiction.byPoint(Luoyang.WEST_JIANXI_BOUNDARY);

        Territory t = found(lookup);
        assertThat(t.districtCode()).isEqualTo("410303");
        assertThat(t.foundBy()).isEqualTo(FoundBy.NEAREST_WITHIN_TOLERANCE);
        assertThat(lookup.trace().get(0).detail()).contains("boundary").contains("410305");
    }

    @Test
    void pointJustOutsideTheCityGoesToTheNearestDistrictWithinTheTolerance() {
        TerritoryLookup lookup = jurisdiction.byPoint(Luoyang.JUST_OUTSIDE);

        Territory t = found(lookup);
        assertThat(t.districtCode()).isEqualTo("410328");
        assertThat(t.foundBy()).isEqualTo(FoundBy.NEAREST_WITHIN_TOLERANCE);
        assertThat(lookup.trace().get(0).detail()).contains("m from 410328");
    }

    @Test
    void pointBeyondTheToleranceWaitsForAPersonWithTheNearestAsCandidate() {
        TerritoryLookup lookup = jurisdiction.byPoint(Luoyang.FAR_OUTSIDE);

        assertThat(lookup).isInstanceOf(TerritoryLookup.Unresolved.class);
        TerritoryLookup.Unresolved u = (TerritoryLookup.Unresolved) lookup;
        assertThat(u.reason()).isEqualTo("NO_TERRITORY");
        assertThat(u.candidates()).singleElement().asString().startsWith("410328 洛宁县");
    }

    @Test
    void aWiderToleranceTakesInTheFartherPoint() {
        Jurisdiction generous = new Jurisdiction(jurisdiction.districts(), jurisdiction.divisions(), jurisdiction.grids(), 5_000);

        assertThat(found(generous.byPoint(Luoyang.FAR_OUTSIDE)).districtCode()).isEqualTo("410328");
    }

    @Test
    void anotherCityIsNoTerritoryOfOurs() {
        assertThat(jurisdiction.byPoint(Luoyang.ZHENGZHOU)).isInstanceOf(TerritoryLookup.Unresolved.class);
    }

    @Test
    void withNeitherCoordinatesNorAnAddressThePlacesNamedInTheDescriptionAreTheTerritory() {
        TerritoryLookup lookup = jurisdiction.locate(null, null, "洛阳市涧西区中州西路的工地扬尘很大");
        Territory t = found(lookup);
        assertThat(t.districtCode()).isEqualTo("410305");
        assertThat(t.foundBy()).isEqualTo(FoundBy.DESCRIPTION_TEXT);
        assertThat(lookup.trace()).anySatisfy(step -> assertThat(step.detail()).contains("description names").contains("涧西区"));
    }

    @Test
    void anAddressWinsOverTheDescriptionAndCoordinatesOverBoth() {
        assertThat(found(jurisdiction.locate(null, "洛龙区开元大道", "涧西区的工地")).districtCode()).isEqualTo("410311");
        assertThat(found(jurisdiction.locate(null, "洛龙区开元大道", "涧西区的工地")).foundBy()).isEqualTo(FoundBy.ADDRESS_TEXT);
        assertThat(found(jurisdiction.locate(new GeoPoint(112.3830, 34.6197, GeoPoint.Datum.GCJ02), null, "洛龙区的工地"))
                .districtCode()).isEqualTo("410305");
    }

    @Test
    void aDescriptionNamingNoPlaceOrTwoDistrictsWaitsForAPersonWithWhatItSaw() {
        TerritoryLookup none = jurisdiction.locate(null, null, "工地夜间未覆盖, 扬尘很大, 请尽快处理");
        assertThat(none).isInstanceOfSatisfying(TerritoryLookup.Unresolved.class, u -> {
            assertThat(u.reason()).isEqualTo("NO_TERRITORY");
            assertThat(u.detail()).contains("description");
        });
        TerritoryLookup two = jurisdiction.locate(null, " ", "老城区和西工区交界的路口有人焚烧垃圾");
        assertThat(two).isInstanceOfSatisfying(TerritoryLookup.Unresolved.class, u -> {
            assertThat(u.reason()).isEqualTo("AMBIGUOUS_ADDRESS");
            assertThat(u.candidates()).anySatisfy(c -> assertThat(c).contains("老城区"))
                    .anySatisfy(c -> assertThat(c).contains("西工区"));
        });
    }

    @Test
    void theDemonstrationGridHasAboutThreeThousandFourHundredCellsEachInsideOneDistrict() {
        Grids grids = jurisdiction.grids();
        Map<String, PreparedGeometry> districts = new HashMap<>();
        jurisdiction.districts().all().stream().filter(d -> d.boundary() != null)
                .forEach(d -> districts.put(d.code(), PreparedGeometryFactory.prepare(d.boundary().buffer(1e-9))));

        assertThat(grids.size()).isBetween(3_300, 3_500);
        assertThat(grids.all()).allSatisfy(cell -> assertThat(districts.get(cell.districtCode()).covers(cell.polygon())).isTrue());
        assertThat(grids.all()).extracting(GridCell::id).doesNotHaveDuplicates();
    }
}
