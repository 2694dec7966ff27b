package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.load.LoadBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end benchmark (issue 7). Not part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw verify -pl system-tests -Pload [-Dload.rate=200 -Dload.seconds=60]}. It prints the
 * figures and writes them to {@code system-tests/target/load-report.txt}.
 */
class LoadBenchmarkIT {

    @Test
    void replaysRealisticLoadAndReportsThroughputLatencyAndMemory() throws InterruptedException, IOException {
        LoadBenchmark.Settings settings = new LoadBenchmark.Settings(
                Double.parseDouble(System.getProperty("load.rate", "100")),
                Duration.ofSeconds(Long.getLong("load.seconds", 60)),
                Double.parseDouble(System.getProperty("load.http-share", "0.2")),
                Double.parseDouble(System.getProperty("load.duplicate-share", "0.1")),
                Double.parseDouble(System.getProperty("load.bad-share", "0.02")),
                Duration.ofSeconds(Long.getLong("load.drain-seconds", 300)),
                Integer.getInteger("load.raw-records", 200_000));
        try (SystemUnderTest system = SystemUnderTest.start("load", Map.of())) {
            String report = new LoadBenchmark(system, settings).run();
            System.out.print(report);
            Files.writeString(Path.of("target", "load-report.txt"), report);
            assertThat(report).contains("accounting:");
        }
    }
}
