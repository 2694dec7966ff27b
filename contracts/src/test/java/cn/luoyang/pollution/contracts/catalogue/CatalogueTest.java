package cn.luoyang.pollution.contracts.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.defaults();

    @Test
    void knowsTheSeedsCategoriesByCodeWithChineseAndEnglishNames() {
        assertThat(catalogue.category("AIR_MUCK_TRUCK")).get()
                .extracting(Category::nameZh, Category::nameEn, Category::group)
                .containsExactly("渣土车", "Muck truck", "AIR");
        assertThat(catalogue.categories()).hasSize(27);
    }

    @Test
    void aDescriptionMayContainCommas() {
        assertThat(catalogue.category("AIR_VOC").orElseThrow().descriptionEn())
                .isEqualTo("Volatile organic compounds from spraying, printing, auto repair");
    }

    @Test
    void unknownOrMissingCodesAreEmptyNotErrors() {
        assertThat(catalogue.category("AIR_SMOG")).isEmpty();
        assertThat(catalogue.category(null)).isEmpty();
        assertThat(catalogue.department("MINISTRY_OF_MAGIC")).isEmpty();
    }

    @Test
    void knowsTheDepartmentsTheSeedNames() {
        assertThat(catalogue.department("URBAN_MANAGEMENT").orElseThrow().nameZh()).isEqualTo("城市管理局");
        assertThat(catalogue.departments()).extracting(Department::code)
                .contains("ECOLOGY_ENVIRONMENT", "HOUSING_CONSTRUCTION", "TRAFFIC_POLICE", "CAMPAIGN_OFFICE", "DISCIPLINE_OFFICE");
    }
}
