package cn.luoyang.pollution.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NumberCapsTest {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");
    private final NumberCaps caps = new NumberCaps(List.of(
            new NumberCaps.Cap(3, Duration.ofMinutes(1)),
            new NumberCaps.Cap(10, Duration.ofHours(1)),
            new NumberCaps.Cap(20, Duration.ofDays(1))));
    private final List<Instant> sent = new ArrayList<>();
    private final NumberCaps.History history = (phoneHash, since) ->
            sent.stream().filter(t -> !t.isBefore(since)).sorted().toList();

    @Test
    void aFourthMessageInAMinuteWaitsUntilTheFirstLeavesTheMinute() {
        sent.addAll(List.of(NOON.minusSeconds(50), NOON.minusSeconds(20), NOON.minusSeconds(5)));
        assertThat(caps.holdUntil("h", NOON, history)).contains(NOON.plusSeconds(10));
    }

    @Test
    void threeSpreadOverMoreThanAMinuteDoNotHold() {
        sent.addAll(List.of(NOON.minusSeconds(90), NOON.minusSeconds(20), NOON.minusSeconds(5)));
        assertThat(caps.holdUntil("h", NOON, history)).isEmpty();
    }

    @Test
    void theEleventhInAnHourWaitsForTheHourCap() {
        for (int i = 0; i < 10; i++) {
            sent.add(NOON.minus(Duration.ofMinutes(5L * i + 2)));
        }
        assertThat(caps.holdUntil("h", NOON, history)).contains(NOON.minus(Duration.ofMinutes(47)).plus(Duration.ofHours(1)));
    }

    @Test
    void theTwentyFirstInADayWaitsForTheDayCap() {
        for (int i = 0; i < 20; i++) {
            sent.add(NOON.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(30L * i)));
        }
        Instant first = NOON.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(30L * 19));
        assertThat(caps.holdUntil("h", NOON, history)).contains(first.plus(Duration.ofDays(1)));
    }
}
