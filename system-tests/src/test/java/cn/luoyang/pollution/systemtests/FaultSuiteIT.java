package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.systemtests.faults.FaultSuite;
import cn.luoyang.pollution.systemtests.faults.FaultSuite.Fault;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short fault suite of {@code ./mvnw verify}: under a light load (4 reports/s) all four services
 * are killed with SIGKILL at once and restarted, then the broker and then MongoDB are restarted, then
 * the carrier's SMSC is away for 20 s (notification-service's binds, every 5 s, are refused meanwhile).
 * The long version ({@code -Pfaults}: 50 reports/s, each service killed in turn, longer phases, a
 * 60 s outage) is described in system-tests/README.md.
 */
class FaultSuiteIT {

    @Test
    void afterEachFaultEveryReportIsAccountedForOnceNothingIsDoubledAndNoCaseRunsAClockTwice() {
        FaultSuite.Settings settings = new FaultSuite.Settings(
                Double.parseDouble(System.getProperty("faults.rate", "4")),
                Duration.ofSeconds(Long.getLong("faults.before", 3)), Duration.ofSeconds(Long.getLong("faults.after", 3)),
                Duration.ofSeconds(Long.getLong("faults.drain", 120)), 0.3, 0.1,
                Duration.ofSeconds(Long.getLong("faults.sms-outage", 20)));
        List<Fault> faults = Arrays.stream(System.getProperty("faults.steps",
                        "KILL_ALL_SERVICES,RESTART_BROKER,RESTART_MONGO,SMS_GATEWAY_OUTAGE").split(","))
                .map(String::trim).map(Fault::valueOf).toList();

        List<FaultSuite.StepResult> results = new FaultSuite(SystemUnderTest.shared(), settings).run(faults);

        for (FaultSuite.StepResult r : results) {
            assertThat(r.accounting().submitted()).as(r.toString()).isPositive();
            assertThat(r.accounting().whole()).as(r.toString()).isTrue();
            // the clock check must have read the step's cases, or a zero would prove nothing
            assertThat(r.clocks().casesRead()).as(r.toString()).isPositive();
            assertThat(r.clocks().twoRunningClocks()).as(r.toString()).isZero();
        }
    }
}
