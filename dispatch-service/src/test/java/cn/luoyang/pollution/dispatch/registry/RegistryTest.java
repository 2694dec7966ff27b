package cn.luoyang.pollution.dispatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.geo.ChinaDatum;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private final World world = new World();
    private final LonLat jianxi = new LonLat(Luoyang.JIANXI.longitude(), Luoyang.JIANXI.latitude());

    private static SourceDraft draft(String id, String type, double lon, double lat) {
        return new SourceDraft(id, type, "name " + id, lon, lat, "GCJ02", null, "unit", "leader", "person",
                "CONSTRUCTION_SITE".equals(type) ? 1000L : null, null, null);
    }

    private LonLat east(double metres) {
        return new LonLat(jianxi.longitude() + jianxi.longitudeDegrees(metres), jianxi.latitude());
    }

    @Test
    void registeredSourceGetsAnIdAndItsDistrictAndIsStored() {
        PollutionSource source = world.registry.register(draft(null, "BOILER", jianxi.longitude(), jianxi.latitude()));

        assertThat(source.id()).startsWith("SRC-");
        assertThat(source.districtCode()).isEqualTo("410305");
        assertThat(world.sourceStore.byId).containsKey(source.id());
    }

    @Test
    void wgs84PositionIsStoredInGcj02() {
        LonLat wgs = ChinaDatum.gcj02ToWgs84(jianxi);

        PollutionSource source = world.registry.register(new SourceDraft("B1", "BOILER", "b", wgs.longitude(), wgs.latitude(),
                "WGS84", null, "unit", "leader", "person", null, null, null));

        assertThat(source.position().metresTo(jianxi)).isLessThan(0.01);
    }

    @Test
    void everyBrokenFieldIsNamed() {
        SourceDraft bad = new SourceDraft(null, "SPACESHIP", " ", 200.0, null, "MARS", null, null, "leader", null, -5L,
                "NOBODY", null);

        assertThatThrownBy(() -> world.registry.register(bad)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).contains("type", "name", "longitude", "latitude", "datum",
                        "responsibleUnit", "responsiblePerson", "investmentWanYuan", "ownerSystem"));
    }

    @Test
    void constructionSiteNeedsItsInvestment() {
        SourceDraft site = new SourceDraft(null, "CONSTRUCTION_SITE", "site", jianxi.longitude(), jianxi.latitude(), null, null,
                "unit", "leader", "person", null, null, null);

        assertThatThrownBy(() -> world.registry.register(site)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("investmentWanYuan"));
    }

    @Test
    void sourceOutsideTheCityIsRejected() {
        assertThatThrownBy(() -> world.registry.register(draft("Z", "BOILER", 113.665, 34.758)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("outside Luoyang"));
    }

    @Test
    void importIsAllOrNothingAndNamesDuplicateIdsByRow() {
        world.registry.register(draft("EXISTING", "BOILER", jianxi.longitude(), jianxi.latitude()));
        List<SourceDraft> rows = List.of(draft("A", "BOILER", jianxi.longitude(), jianxi.latitude()),
                draft("A", "BOILER", jianxi.longitude(), jianxi.latitude()),
                draft("EXISTING", "BOILER", jianxi.longitude(), jianxi.latitude()));

        assertThatThrownBy(() -> world.registry.importAll(rows)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("rows[2].id", "rows[3].id"));
        assertThat(world.sourceStore.byId).containsOnlyKeys("EXISTING");
    }

    @Test
    void complaintIsLinkedToTheNearestSourceOfAMatchingTypeWithinTheDistance() {
        LonLat near = east(100);
        LonLat nearer = east(40);
        world.registry.importAll(List.of(draft("SITE-FAR", "CONSTRUCTION_SITE", near.longitude(), near.latitude()),
                draft("SITE-NEAR", "CONSTRUCTION_SITE", nearer.longitude(), nearer.latitude()),
                draft("BOILER-NEXT-DOOR", "BOILER", jianxi.longitude(), jianxi.latitude())));

        SourceLink link = world.registry.link("AIR_CONSTRUCTION_DUST", jianxi).orElseThrow();

        assertThat(link.source().id()).isEqualTo("SITE-NEAR");
        assertThat(link.metres()).isBetween(39.0, 41.0);
    }

    @Test
    void sourceBeyondTheLinkDistanceOrOfAnotherTypeIsNotLinked() {
        LonLat far = east(400);
        world.registry.importAll(List.of(draft("SITE-FAR", "CONSTRUCTION_SITE", far.longitude(), far.latitude()),
                draft("BOILER", "BOILER", jianxi.longitude(), jianxi.latitude())));

        assertThat(world.registry.link("AIR_CONSTRUCTION_DUST", jianxi)).isEmpty();
        assertThat(world.registry.link("AIR_OPEN_BBQ", jianxi)).isEmpty();
    }

    @Test
    void movedAndDeletedSourcesAreLinkedWhereTheyAreNow() {
        LonLat far = east(1000);
        world.registry.register(draft("S", "BOILER", jianxi.longitude(), jianxi.latitude()));

        world.registry.update("S", draft("S", "BOILER", far.longitude(), far.latitude()));
        assertThat(world.registry.link("AIR_COAL_BOILER", jianxi)).isEmpty();
        assertThat(world.registry.link("AIR_COAL_BOILER", far)).isPresent();

        world.registry.delete("S");
        assertThat(world.registry.link("AIR_COAL_BOILER", far)).isEmpty();
    }
}
