package cn.luoyang.pollution.systemtests.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    private final LocalDate today = LocalDate.of(2026, 11, 29);

    @Test
    void trackingNumbersAreValidDistinctAndFromThePastYearNeverToday() {
        SeedPlan plan = new SeedPlan(20, 100_000, today, 365, 1);
        Set<String> seen = new HashSet<>();
        Set<String> wrong = new HashSet<>();
        for (long i = 0; i < plan.lifecycles(); i++) {
            String tn = plan.trackingNumberOf(i);
            LocalDate day = SeedPlan.isTrackingNumber(tn) ? SeedPlan.dayOf(tn) : null;
            if (day == null || !day.equals(plan.dayOf(i)) || !day.isBefore(today) || day.isBefore(today.minusDays(365)) || !seen.add(tn)) {
                wrong.add(tn);
            }
        }
        assertThat(wrong).as("invalid, repeated, today's or older than a year").isEmpty();
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void everyDayGetsItsShareWithEveryTemplateTakingTurns() {
        SeedPlan plan = new SeedPlan(4, 4 * 10 * 3, today, 10, 1);
        Map<LocalDate, Integer> perDay = new HashMap<>();
        Map<Integer, Integer> perTemplate = new HashMap<>();
        for (long i = 0; i < plan.lifecycles(); i++) {
            perDay.merge(plan.dayOf(i), 1, Integer::sum);
            perTemplate.merge(plan.templateOf(i), 1, Integer::sum);
        }
        assertThat(perDay).hasSize(10).allSatisfy((day, n) -> assertThat(n).isEqualTo(12));
        assertThat(perTemplate).hasSize(4).allSatisfy((t, n) -> assertThat(n).isEqualTo(30));
        // sequences on a day count up from the first one without gaps
        assertThat(plan.trackingNumberOf(0)).isEqualTo("LY20261128-000001");
        assertThat(plan.trackingNumberOf(3)).isEqualTo("LY20261128-000004");
        assertThat(plan.trackingNumberOf(40)).isEqualTo("LY20261128-000005");
    }

    @Test
    void theFirstNumberOfEachDayIsWhatASecondSeedWouldCollideWith() {
        SeedPlan plan = new SeedPlan(3, 3_000, today, 5, 7);

        assertThat(plan.firstOfEachDay()).containsExactly("LY20261128-000007", "LY20261127-000007", "LY20261126-000007",
                "LY20261125-000007", "LY20261124-000007");
    }

    @Test
    void aPlanWhoseSequencesWouldOverflowSixDigitsIsRefused() {
        assertThatThrownBy(() -> new SeedPlan(20, 2_000_000, today, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("six digits");
        assertThat(new SeedPlan(20, 1_000_000, today, 365, 1).sequenceOf(999_999)).isLessThan(3_000);
    }
}
