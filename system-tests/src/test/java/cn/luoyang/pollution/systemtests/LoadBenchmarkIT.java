package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.load.ClosedLifecycles;
import cn.luoyang.pollution.systemtests.load.LoadBenchmark;
import cn.luoyang.pollution.systemtests.load.SeedReport;
import cn.luoyang.pollution.systemtests.load.SeedTemplates;
import cn.luoyang.pollution.systemtests.load.StoreSeeder;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end benchmark (issue 7). Not part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw verify -pl system-tests -Pload [-Dload.rate=200 -Dload.seconds=60]}; add
 * {@code -Dload.stored=1000000} to fill the store with that many complaints (and their cases and
 * messages) first. It prints the figures and writes them to {@code system-tests/target/load-report.txt}.
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
        long stored = Long.getLong("load.stored", 0);
        try (SystemUnderTest system = SystemUnderTest.start("load", Map.of())) {
            String seeded = stored > 0 ? seed(system, stored) : storeAsFound(system.layout().mongoUri());
            System.out.print(seeded);
            String report = seeded + new LoadBenchmark(system, settings).run();
            System.out.print(report);
            Files.writeString(Path.of("target", "load-report.txt"), report);
            assertThat(report).contains("accounting:");
        }
    }

    /** What the store held before the load: empty on the embedded default, or a store seeded beforehand. */
    private static String storeAsFound(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            long complaints = client.getDatabase("complaints").getCollection("complaints").estimatedDocumentCount();
            long cases = client.getDatabase("enforcement").getCollection("cases").estimatedDocumentCount();
            long messages = client.getDatabase("notification").getCollection("sms_messages").estimatedDocumentCount();
            return String.format(Locale.ROOT, "store before the load: %,d complaints, %,d cases, %,d SMS messages%n",
                    complaints, cases, messages);
        }
    }

    /** Closes a few real lifecycles, then copies them until {@code stored} complaints are in the store. */
    private static String seed(SystemUnderTest system, long stored) {
        String mongoUri = system.layout().mongoUri();
        List<String> closed = ClosedLifecycles.make(system, Integer.getInteger("load.templates", 12));
        SeedTemplates templates = StoreSeeder.capture(mongoUri, closed);
        SeedReport report = StoreSeeder.seed(templates, stored - closed.size(), mongoUri);
        assertThat(report.errorCount()).as("seeding errors").isZero();
        return String.format(Locale.ROOT, "store: %,d complaints with their cases and messages (%d real closed lifecycles + %,d copies: "
                + "%,d documents in %.0f s, %,.0f documents/s)%n", stored, closed.size(), report.lifecycles(), report.documents(),
                report.seconds(), report.documentsPerSecond());
    }
}
