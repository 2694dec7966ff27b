package cn.luoyang.pollution.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final QuietHours night = new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));

    @Test
    void lateEveningWaitsUntilEightTheNextMorningBeijingTime() {
        // 22:30 Beijing = 14:30 UTC
        assertThat(night.holdUntil(Instant.parse("2026-11-28T14:30:00Z")))
                .contains(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void earlyMorningWaitsUntilEightTheSameMorning() {
        // 06:00 Beijing = 22:00 UTC the day before
        assertThat(night.holdUntil(Instant.parse("2026-11-28T22:00:00Z")))
                .contains(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void daytimeAndTheWindowsEdgesGoAtOnce() {
        assertThat(night.holdUntil(Instant.parse("2026-11-28T04:00:00Z"))).isEmpty(); // 12:00
        assertThat(night.holdUntil(Instant.parse("2026-11-28T00:00:00Z"))).isEmpty(); // 08:00 sharp
        assertThat(night.holdUntil(Instant.parse("2026-11-28T12:59:59Z"))).isEmpty(); // 20:59:59
        assertThat(night.holdUntil(Instant.parse("2026-11-28T13:00:00Z"))).isPresent(); // 21:00 sharp
    }

    @Test
    void switchedOffHoldsNothing() {
        assertThat(QuietHours.off().holdUntil(Instant.parse("2026-11-28T14:30:00Z"))).isEmpty();
    }
}
