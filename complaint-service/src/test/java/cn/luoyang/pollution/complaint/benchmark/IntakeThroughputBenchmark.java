package cn.luoyang.pollution.complaint.benchmark;

import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.Seal;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A load harness, not a test: it asserts nothing about speed. It runs only with
 * {@code -Dbenchmark=true} and prints (and writes to target/benchmark-intake.txt) how many
 * complaints per second intake takes over HTTP (concurrent clients, full path: parse, validate,
 * seal, tracking number, store with outbox, publish with acks=all, mark sent) and over Kafka (one
 * partition, one consumer, until every complaint is stored and its event published).
 *
 * <pre>./mvnw -B verify -pl complaint-service -Dtest=IntakeThroughputBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IntakeThroughputBenchmark extends ServiceHarness {

    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);
    private static final int HTTP_WARMUP = Integer.getInteger("benchmark.http.warmup", 300);
    private static final int HTTP_REQUESTS = Integer.getInteger("benchmark.http.requests", 2000);
    private static final int KAFKA_RECORDS = Integer.getInteger("benchmark.kafka.records", 2000);

    @Autowired
    MongoTemplate mongo;
    @org.springframework.beans.factory.annotation.Value("${spring.cloud.stream.bindings.submitted-in-0.consumer.concurrency:1}")
    int consumerThreads;

    @Test
    void intakeThroughput() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(machine());
        httpRound("warm-up", HTTP_WARMUP, null);
        httpRound("http", HTTP_REQUESTS, report);
        kafkaRound(KAFKA_RECORDS, report);
        System.out.println("\n==== intake benchmark ====\n" + report);
        Files.writeString(Path.of("target/benchmark-intake.txt"), report.toString());
    }

    private void httpRound(String name, int requests, StringBuilder report) throws Exception {
        String body = Reports.nativeReport("13812345678");
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    HttpResponse<String> answer = postJson("/api/complaints", body, Map.of("Idempotency-Key", name + "-" + i));
                    latencies[i] = System.nanoTime() - t;
                    if (answer.statusCode() != 201) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (report != null) {
            Arrays.sort(latencies);
            report.append(String.format("HTTP  POST /api/complaints: %d requests, %d clients, %.1f s -> %.0f complaints/s; "
                            + "latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; non-201: %d%n",
                    requests, CLIENTS, seconds, requests / seconds, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99),
                    latencies[requests - 1] / 1e6, failures.get()));
        }
    }

    private void kafkaRound(int records, StringBuilder report) {
        String[] sealed = Seal.phone(KEYS.publicKeyset(), "13712345678");
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            values.add(Reports.submitted("bench", "K" + i, sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> headers = Map.of(CloudEventHeaders.TYPE, "complaint.submitted.v1");
        Query bench = Query.query(Criteria.where("draft.sourceSystem").is("bench"));
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            produceAsync(Topics.COMPLAINTS_SUBMITTED, "bench:K" + i, values.get(i), headers);
        }
        double produced = (System.nanoTime() - start) / 1e9;
        Query pending = Query.query(Criteria.where("draft.sourceSystem").is("bench").and("outbox.0").exists(true));
        eventually(Duration.ofMinutes(10), () -> mongo.count(bench, "complaints") >= records && mongo.count(pending, "complaints") == 0,
                "all Kafka submissions registered and published");
        double seconds = (System.nanoTime() - start) / 1e9;
        report.append(String.format("Kafka complaints.submitted: %d records (produced in %.1f s), all stored and ComplaintRegistered "
                + "published after %.1f s -> %.0f complaints/s (%d partitions, %d consumer threads)%n", records, produced, seconds,
                records / seconds, partitions(), consumerThreads));
    }

    private int partitions() {
        try (org.apache.kafka.clients.admin.AdminClient admin = org.apache.kafka.clients.admin.AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            return admin.describeTopics(List.of(Topics.COMPLAINTS_SUBMITTED)).allTopicNames().get()
                    .get(Topics.COMPLAINTS_SUBMITTED).partitions().size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        return String.format("machine: %s, %d cores, %s, JVM %s, max heap %d MB, load average at start %.1f%n", cpu,
                Runtime.getRuntime().availableProcessors(), mem, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
