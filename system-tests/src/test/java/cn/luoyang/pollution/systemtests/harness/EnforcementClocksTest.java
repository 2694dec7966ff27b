package cn.luoyang.pollution.systemtests.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What counts as "two running clocks" in a case document's {@code clocks.running} list. */
class EnforcementClocksTest {

    private static Document clock(String name, int generation, boolean running) {
        Document d = new Document("name", name).append("generation", generation).append("deadline", new Date());
        return running ? d : d.append("stoppedAt", new Date());
    }

    @Test
    void signAndCloseRunningSideBySideIsTheDesignNotTwoRunningClocks() {
        assertThat(EnforcementClocks.twoRunning(List.of(clock("SIGN", 1, true), clock("CLOSE", 1, true)))).isFalse();
    }

    @Test
    void theSameClockRunningTwiceIsTwoRunningClocks() {
        assertThat(EnforcementClocks.twoRunning(List.of(clock("CLOSE", 1, true), clock("CLOSE", 2, true)))).isTrue();
    }

    @Test
    void aStoppedGenerationBesideTheRunningOneIsNot() {
        assertThat(EnforcementClocks.twoRunning(List.of(clock("CLOSE", 1, false), clock("CLOSE", 2, true),
                clock("SIGN", 1, false)))).isFalse();
    }
}
