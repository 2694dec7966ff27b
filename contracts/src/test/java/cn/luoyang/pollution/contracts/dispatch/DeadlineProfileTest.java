package cn.luoyang.pollution.contracts.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeadlineProfileTest {

    @Test
    void aProfileIsAnUpperCaseName() {
        assertThat(new DeadlineProfile("NIGHT_NOISE_2").name()).isEqualTo("NIGHT_NOISE_2");
        assertThatThrownBy(() -> new DeadlineProfile("standard")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlineProfile(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlineProfile(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsingIgnoresCaseAndBlanksAndRefusesWhatIsNoName() {
        assertThat(DeadlineProfile.parse(" urgent ")).contains(DeadlineProfile.URGENT);
        assertThat(DeadlineProfile.parse("CITY_CUSTOM")).contains(new DeadlineProfile("CITY_CUSTOM"));
        assertThat(DeadlineProfile.parse(null)).isEmpty();
        assertThat(DeadlineProfile.parse("")).isEmpty();
        assertThat(DeadlineProfile.parse("7 days")).isEmpty();
    }

    @Test
    void theBuiltInsAreUrgentSimpleStandardShortestFirst() {
        assertThat(DeadlineProfile.builtInNames()).containsExactly("URGENT", "SIMPLE", "STANDARD");
        assertThat(DeadlineProfile.STANDARD).hasToString("STANDARD");
    }

    @Test
    void theDispatchedCaseNamesItsProfile() {
        assertThat(dispatched("URGENT").profile()).contains(DeadlineProfile.URGENT);
        assertThat(dispatched(null).profile()).isEmpty();
    }

    private static CaseDispatched dispatched(String profile) {
        return new CaseDispatched("e-1", "CASE-1", "c-1", "LY1", "AIR_DUST", null, null, null, "URBAN_MANAGEMENT",
                java.util.List.of(), Level.DISTRICT, Priority.ROUTINE, profile, null, "r-1", 1, 1, false, java.util.List.of(),
                java.time.Instant.EPOCH, CaseDispatched.VERSION, null);
    }
}
