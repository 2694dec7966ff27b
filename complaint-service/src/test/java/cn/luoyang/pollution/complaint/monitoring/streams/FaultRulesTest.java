package cn.luoyang.pollution.complaint.monitoring.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultRulesTest {

    private static final String HEADER = "rule,kind,factor,interval,window,limit,consecutive,hours,clear\n";

    @Test
    void theShippedRulesRead() throws IOException {
        try (var csv = new InputStreamReader(getClass().getResourceAsStream("/monitoring/fault-rules.csv"), StandardCharsets.UTF_8)) {
            FaultRules rules = FaultRules.read(csv);
            assertThat(rules.exceedance()).extracting(FaultRule::id).containsExactly("pm10-hourly", "noise-day", "noise-night");
            FaultRule pm10 = rules.exceedance().get(0);
            assertThat(pm10.factor()).isEqualTo("a34002");
            assertThat(pm10.window()).isEqualTo(Duration.ofHours(1));
            assertThat(pm10.limit()).isEqualTo(150.0);
            assertThat(pm10.consecutive()).isEqualTo(2);
            assertThat(pm10.clearWindows()).isEqualTo(2);
            assertThat(rules.offline()).hasValueSatisfying(r -> {
                assertThat(r.kind()).isEqualTo(FaultKind.OFFLINE);
                assertThat(r.window()).isEqualTo(Duration.ofMinutes(30));
            });
        }
    }

    @Test
    void hoursAreBeijingTimeAndMayWrapMidnight() throws IOException {
        FaultRules rules = FaultRules.read(new StringReader(HEADER
                + "day,EXCEEDANCE,LA,minute,PT1H,70,1,06-22,1\nnight,EXCEEDANCE,LA,minute,PT1H,55,1,22-06,1\n"));
        FaultRule day = rules.exceedance().get(0);
        FaultRule night = rules.exceedance().get(1);
        Instant sixBeijing = Instant.parse("2026-11-27T22:00:00Z");
        Instant tenPmBeijing = Instant.parse("2026-11-28T14:00:00Z");
        assertThat(day.appliesAt(sixBeijing)).isTrue();
        assertThat(night.appliesAt(sixBeijing)).isFalse();
        assertThat(day.appliesAt(tenPmBeijing)).isFalse();
        assertThat(night.appliesAt(tenPmBeijing)).isTrue();
        assertThat(night.appliesAt(tenPmBeijing.plus(Duration.ofHours(7)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "pm10,EXCEEDANCE,a34002,minute,PT1H,,2,06-22,2",       // no limit
            "pm10,EXCEEDANCE,a34002,minute,PT1H,150,0,06-22,2",    // no consecutive window
            "pm10,EXCEEDANCE,a34002,minute,1h,150,2,06-22,2",      // not an ISO-8601 duration
            "PM10,EXCEEDANCE,a34002,minute,PT1H,150,2,06-22,2",    // id not lower case
            "pm10,EXCEEDED,a34002,minute,PT1H,150,2,06-22,2",      // unknown kind
            "pm10,EXCEEDANCE,a34002,minute,PT1H,150,2,06-25,2",    // no such hour
            "pm10,EXCEEDANCE,a34002,minute,PT1H,150,2",            // fields missing
            "a,OFFLINE,,,PT30M,,,,\nb,OFFLINE,,,PT1H,,,,",         // two offline rules
            "a,OFFLINE,,,PT30M,,,,\na,EXCEEDANCE,LA,minute,PT1H,70,1,,1", // one id twice
    })
    void aBadRuleStopsTheStart(String lines) {
        assertThatThrownBy(() -> FaultRules.read(new StringReader(HEADER + lines + "\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileWithoutItsHeaderIsRefused() {
        assertThatThrownBy(() -> FaultRules.read(new StringReader("pm10,EXCEEDANCE,a34002,minute,PT1H,150,2,06-22,2\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first line");
    }
}
