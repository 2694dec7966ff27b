package cn.luoyang.pollution.dispatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A source's responsible person's mobile (责任人手机) is sealed the moment it is registered: the registry keeps the
 * sealed form, which only notification-service's private key opens, and the masked form; never the number.
 */
class ResponsibleMobileTest {

    private final World world = new World();

    private static SourceDraft site(String id, String mobile) {
        return new SourceDraft(id, "CONSTRUCTION_SITE", "工地 " + id, Luoyang.JIANXI.longitude(), Luoyang.JIANXI.latitude(),
                "GCJ02", null, "某建设公司", "张局长", "李经理", 900L, null, null, List.of(), mobile);
    }

    private String opened(ResponsibleMobile mobile) {
        return ContactOpener.withPrivateKeyset(world.contactKeys.privateKeyset()).open(mobile.sealed());
    }

    @Test
    void anyWrittenFormOfAMobileIsSealedAsItsElevenDigitsAndMasked() {
        PollutionSource source = world.registry.register(site("S1", "0086 139 0015 8801"));

        assertThat(source.responsibleMobile().masked()).isEqualTo("139****8801");
        assertThat(opened(source.responsibleMobile())).isEqualTo("13900158801");
        assertThat(world.sourceStore.byId.get("S1").toString()).doesNotContain("13900158801");
    }

    @Test
    void aSourceWithoutAMobileHasNone() {
        assertThat(world.registry.register(site("S1", " ")).responsibleMobile()).isNull();
    }

    @Test
    void aLandlineOrTextThatIsNoNumberIsRefusedWithoutRepeatingIt() {
        for (String given : List.of("0379-63211234", "call the site office")) {
            assertThatThrownBy(() -> world.registry.register(site("S1", given))).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("responsibleMobile");
                        assertThat(error.message()).doesNotContain("63211234").contains("mobile");
                    }));
        }
    }

    @Test
    void theMaskedFormGivenBackKeepsTheRegisteredNumberAndANewNumberReplacesIt() {
        ResponsibleMobile first = world.registry.register(site("S1", "13900158801")).responsibleMobile();

        assertThat(world.registry.update("S1", site("S1", "139****8801")).responsibleMobile()).isEqualTo(first);
        assertThat(opened(world.registry.update("S1", site("S1", "13900158802")).responsibleMobile())).isEqualTo("13900158802");
        assertThat(world.registry.update("S1", site("S1", null)).responsibleMobile()).isNull();
    }

    @Test
    void aMaskedNumberThatIsNotTheRegisteredOneIsRefused() {
        world.registry.register(site("S1", "13900158801"));

        assertThatThrownBy(() -> world.registry.update("S1", site("S1", "138****0000")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("responsibleMobile"));
        assertThatThrownBy(() -> world.registry.register(site("S2", "139****8801"))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void anImportNamesTheRowOfABrokenMobileAndStoresNothing() {
        assertThatThrownBy(() -> world.registry.importAll(List.of(site("S1", "13900158801"), site("S2", "12345"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("rows[2].responsibleMobile"));
        assertThat(world.sourceStore.byId).isEmpty();
    }
}
