package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.faults.FaultSuite;
import cn.luoyang.pollution.systemtests.faults.FaultSuite.Fault;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's faults of a cluster, in {@code ./mvnw verify}: a system of its own with three Kafka
 * nodes (replication 3, min ISR 2) and two instances of every service behind the launcher's
 * balancer; under a light load (2 reports/s, a third over HTTP; {@code -Pfaults} 20) Kafka node 2 is killed with SIGKILL
 * and started again, then instance 1 of every service is killed while instance 2 serves and started
 * again ({@code verify} stops there), then, with {@code -Pfaults}, a rolling restart (SIGTERM, start,
 * healthy, next) of every service's instances. After each step every report is accounted for
 * once, nothing is doubled, no case runs a clock twice, and every HTTP report that met a failure was
 * answered in the end by a retry with the same Idempotency-Key.
 *
 * <p>It runs first in its JVM ({@code @Order}, system-tests/pom.xml), before any suite has started the
 * shared system, so the cluster does not share the machine with that system's idle processes.
 */
@Order(1)
class ClusterFaultSuiteIT {

    @Test
    void aKilledBrokerAKilledInstanceOfEachServiceAndARollingRestartLoseAndDoubleNothing() {
        FaultSuite.Settings settings = new FaultSuite.Settings(
                Double.parseDouble(System.getProperty("faults.cluster-rate", "2")),
                Duration.ofSeconds(Long.getLong("faults.before", 3)), Duration.ofSeconds(Long.getLong("faults.after", 3)),
                Duration.ofSeconds(Long.getLong("faults.drain", 120)), 0.3, 0.1,
                Duration.ofSeconds(Long.getLong("faults.sms-outage", 20)),
                Arrays.stream(System.getProperty("faults.rolling", "COMPLAINT").split(","))
                        .map(String::trim).map(Component::valueOf).toList());
        List<Fault> faults = Arrays.stream(System.getProperty("faults.cluster-steps",
                        "KILL_ONE_BROKER,KILL_ONE_INSTANCE_EACH,ROLLING_RESTART").split(","))
                .map(String::trim).map(Fault::valueOf).toList();

        List<FaultSuite.StepResult> results;
        try (SystemUnderTest cluster = SystemUnderTest.startCluster("cluster", 3, 2)) {
            System.out.println("cluster-fault-suite: 3 Kafka nodes and 2 instances of each service healthy after "
                    + Math.round(cluster.startSeconds()) + " s; resident memory (kB) " + cluster.runtime().rssKbByProcess());
            results = new FaultSuite(cluster, settings).run(faults);
        }

        for (FaultSuite.StepResult r : results) {
            assertThat(r.accounting().submitted()).as(r.toString()).isPositive();
            assertThat(r.accounting().whole()).as(r.toString()).isTrue();
            assertThat(r.clocks().casesRead()).as(r.toString()).isPositive();
            assertThat(r.clocks().twoRunningClocks()).as(r.toString()).isZero();
            // a client that retries with the same key gets every report in
            assertThat(r.http().gaveUp()).as(r.toString()).isZero();
            assertThat(r.http().recovered()).as(r.toString()).isEqualTo(r.http().retried());
        }
    }
}
