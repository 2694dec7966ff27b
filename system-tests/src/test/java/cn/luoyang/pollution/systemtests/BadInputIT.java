package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.systemtests.badinput.BadInputSuite;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 7's bad-input suite: 50+ malformed inputs over HTTP and Kafka, each with its documented answer; nothing stops. */
class BadInputIT {

    @Test
    void everyMalformedInputGetsItsDocumentedAnswerAndTheCountsAddUp() {
        SystemUnderTest system = SystemUnderTest.shared();
        BadInputSuite.Result result = new BadInputSuite(system, Duration.ofSeconds(90))
                .run(EndToEndIT.report("bad-base", "410311", "NOISE_SOCIAL"), EndToEndIT.report("bad-canary", "410311", "WATER_BLACK_ODOROUS"));
        System.out.print(result.table());

        assertThat(result.httpSent() + result.kafkaSent()).isGreaterThanOrEqualTo(50);
        assertThat(result.unexpected()).isEmpty();
        assertThat(result.fixedKnownDefects()).as("fixed: remove the known-defect mark in BadInputs").isEmpty();
        assertThat(result.countsAddUp()).as(result.table()).isTrue();
    }
}
