package cn.luoyang.pollution.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void withoutDatesTheWindowIsTheLast90Days() {
        RequestFilter f = RequestFilter.parse(null, null, null, null, null, NOW);

        assertThat(f.end()).isEqualTo(NOW);
        assertThat(Duration.between(f.start(), f.end())).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void idsOverrideEveryOtherFilter() {
        RequestFilter f = RequestFilter.parse("LY1, LY2", "AIR_ODOUR", "2026-01-01T00:00:00Z", null, "closed", NOW);

        assertThat(f.ids()).containsExactly("LY1", "LY2");
        assertThat(f.serviceCodes()).isEmpty();
        assertThat(f.statuses()).isEmpty();
        assertThat(f.start()).isNull();
    }

    @Test
    void codesAndStatusesAreCommaDelimited() {
        RequestFilter f = RequestFilter.parse(null, "AIR_ODOUR,NOISE_SOCIAL", null, null, "open,closed", NOW);

        assertThat(f.serviceCodes()).containsExactly("AIR_ODOUR", "NOISE_SOCIAL");
        assertThat(f.statuses()).containsExactlyInAnyOrder("open", "closed");
    }

    @Test
    void aSpanOverNinetyDaysAnUnknownStatusAndAnUnreadableDateAreRefused() {
        assertThatThrownBy(() -> RequestFilter.parse(null, null, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", null, NOW))
                .hasMessageContaining("90 days");
        assertThatThrownBy(() -> RequestFilter.parse(null, null, null, null, "pending", NOW)).hasMessageContaining("open or closed");
        assertThatThrownBy(() -> RequestFilter.parse(null, null, "28/11/2026", null, null, NOW)).hasMessageContaining("w3 format");
        assertThatThrownBy(() -> RequestFilter.parse(null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null, NOW))
                .hasMessageContaining("before");
    }
}
