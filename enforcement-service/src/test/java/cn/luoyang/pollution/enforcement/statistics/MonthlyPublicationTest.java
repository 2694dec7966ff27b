package cn.luoyang.pollution.enforcement.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.enforcement.Rules;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.statistics.Figures.Accountability;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly publication (月度通报) over the cases of {@link AccountabilityStatisticsTest} (stored in
 * MongoDB, read back): November 2026 holds that test's first week and nothing else happened in it, so
 * its unit, district and township rows equal that week's hand counts; December (as of Mon 7 Dec) holds
 * the late escalations of Fri 4 Dec.
 */
class MonthlyPublicationTest {

    private static final String CG = AccountabilityStatisticsTest.CG;

    private final AccountabilityStatisticsTest cases = new AccountabilityStatisticsTest();
    private MonthlyPublications publications;

    @BeforeEach
    void storeTheCases() {
        cases.storeTheCases();
        publications = new MonthlyPublications(cases.reports, Clock.fixed(AccountabilityStatisticsTest.t("2026-12-07T09:00"),
                Rules.BEIJING), Rules.BEIJING);
    }

    @AfterEach
    void stop() {
        cases.stop();
    }

    @Test
    void novemberPerUnitDistrictAndTownshipEqualsTheHandCountsOfItsOnlyActiveWeek() {
        MonthlyPublication november = publications.of(AccountabilityStatisticsTest.OFFICE, YearMonth.of(2026, 11));

        assertThat(november.period().fromDay()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(november.period().toDayExclusive()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(row(november.units(), CG).accountability()).isEqualTo(new Accountability(2, 1, 0, 2, 0, 1, 1, 1, 1, 1));
        assertThat(row(november.units(), "HOUSING_CONSTRUCTION@410305").accountability())
                .isEqualTo(new Accountability(0, 0, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(row(november.districts(), "410305").accountability()).isEqualTo(new Accountability(2, 1, 0, 2, 1, 1, 1, 1, 1, 1));
        assertThat(november.townships()).extracting(Figures::key).containsExactly("410305-UNKNOWN", "410305001");
        assertThat(row(november.townships(), "410305001").received()).isEqualTo(6);
        // the callbacks of that week: A's (城管, not reached) and B's (住建 leading then, reached)
        assertThat(row(november.units(), CG)).extracting(Figures::callbacks, Figures::callbacksReached).containsExactly(1, 0);
        assertThat(row(november.units(), "HOUSING_CONSTRUCTION@410305"))
                .extracting(Figures::callbacks, Figures::callbacksReached).containsExactly(1, 1);
        assertThat(row(november.districts(), "410305").callbacks()).isEqualTo(2);

        assertThat(november.csv().lines().findFirst()).hasValue("month,level," + Figures.CSV_HEADER);
        assertThat(november.csv()).contains("2026-11,unit," + CG + ",").contains("2026-11,district,410305,")
                .contains("2026-11,township,410305001,");
        // the accountability columns, where the header puts them (other figures follow them)
        List<String> header = List.of(november.csv().lines().findFirst().orElseThrow().split(",", -1));
        int first = header.indexOf("escalated_unit_leader");
        assertThat(november.csv().lines().filter(l -> l.startsWith("2026-11,unit," + CG + ","))).singleElement()
                .satisfies(line -> assertThat(String.join(",", List.of(line.split(",", -1)).subList(first, first + 10)))
                        .isEqualTo("2,1,0,2,0,1,1,1,1,1"));
    }

    @Test
    void decemberHoldsTheLateEscalationsAndLastMonthIsTheDefault() {
        MonthlyPublication december = publications.of(AccountabilityStatisticsTest.OFFICE, YearMonth.of(2026, 12));
        assertThat(row(december.units(), CG).accountability()).isEqualTo(new Accountability(0, 1, 2, 0, 0, 0, 0, 0, 0, 0));
        assertThat(row(december.units(), CG).received()).isZero();
        assertThat(row(december.units(), CG).callbacks()).isZero();

        assertThat(publications.of(AccountabilityStatisticsTest.OFFICE, null).month()).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void aHandlerDoesNotReadThePublication() {
        assertThatThrownBy(() -> publications.of(AccountabilityStatisticsTest.HANDLER, YearMonth.of(2026, 11)))
                .isInstanceOf(AccessDenied.class);
    }

    private static Figures row(java.util.List<Figures> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }
}
