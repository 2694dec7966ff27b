package cn.luoyang.pollution.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrackingNumberPermutationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    private final TrackingNumberPermutation permutation = new TrackingNumberPermutation("a key of thirty-two bytes, fixed".getBytes());

    @Test
    void aDaysSequencesGiveDistinctTenDigitNumbers() {
        Set<Long> seen = new HashSet<>();
        for (long sequence = 1; sequence <= 100_000; sequence++) {
            long digits = permutation.apply(DAY, sequence);
            assertThat(digits).isBetween(0L, TrackingNumberPermutation.RANGE - 1);
            seen.add(digits);
        }
        assertThat(seen).hasSize(100_000);
        assertThat(permutation.apply(DAY, TrackingNumberPermutation.RANGE - 1)).isBetween(0L, TrackingNumberPermutation.RANGE - 1);
    }

    @Test
    void consecutiveReportsGetNumbersThatSayNothingOfEachOther() {
        List<Long> first = LongStream.rangeClosed(1, 1_000).map(s -> permutation.apply(DAY, s)).boxed().toList();

        // not increasing, and spread over the whole range rather than clustered near the counter
        assertThat(first).isNotEqualTo(first.stream().sorted().toList());
        assertThat(first.stream().filter(d -> d < 1_000_000).count()).isLessThan(5);
        assertThat(first.stream().filter(d -> d >= TrackingNumberPermutation.RANGE / 2).count()).isBetween(400L, 600L);
    }

    @Test
    void theSameSequenceGivesAnotherNumberOnAnotherDayOrWithAnotherKey() {
        TrackingNumberPermutation otherKey = new TrackingNumberPermutation("another key, also of 32 bytes!!!".getBytes());

        assertThat(permutation.apply(DAY, 7)).isEqualTo(permutation.apply(DAY, 7))
                .isNotEqualTo(permutation.apply(DAY.plusDays(1), 7))
                .isNotEqualTo(otherKey.apply(DAY, 7));
    }

    @Test
    void refusesAShortKeyAndASequenceOutOfRange() {
        assertThatThrownBy(() -> new TrackingNumberPermutation(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> permutation.apply(DAY, TrackingNumberPermutation.RANGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFormatIsTheDayAndTenDigits() {
        assertThat(TrackingNumbers.format(DAY, permutation.apply(DAY, 1))).matches("LY20261205-\\d{10}");
        assertThat(TrackingNumbers.format(DAY, 42)).isEqualTo("LY20261205-0000000042");
    }
}
