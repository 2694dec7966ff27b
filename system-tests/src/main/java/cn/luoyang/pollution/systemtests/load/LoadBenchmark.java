package cn.luoyang.pollution.systemtests.load;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import cn.luoyang.pollution.systemtests.harness.SentSms;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Issue 7's end-to-end benchmark on a runtime of its own: the raw broker reference (one producer,
 * 1 KB records), then the load generator at the chosen rate for the chosen time, then the drain;
 * reports throughput, HdrHistogram percentiles of submitted → registered → dispatched → first SMS
 * handed to the gateway, the accounting, and the peak RSS of every process.
 */
public final class LoadBenchmark {

    /** Rate, duration, shares and how long to wait for the tail after sending stops. */
    public record Settings(double rate, Duration duration, double httpShare, double duplicateShare, double badShare,
                           Duration drain, int rawRecords) {
    }

    private final SystemUnderTest system;
    private final Settings settings;

    public LoadBenchmark(SystemUnderTest system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    public String run() throws InterruptedException {
        StringBuilder out = new StringBuilder();
        double raw = rawBrokerThroughput(settings.rawRecords());
        out.append(String.format(Locale.ROOT, "raw broker reference: %,.0f records/s of 1 KB from one producer (acks=all, %d records)%n",
                raw, settings.rawRecords()));

        Map<Component, Long> peakRss = new EnumMap<>(Component.class);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> system.runtime().rssKb().forEach((c, kb) -> peakRss.merge(c, kb, Math::max)),
                0, 2, TimeUnit.SECONDS);

        LoadGenerator load = new LoadGenerator(system);
        LoadGenerator.Plan plan = new LoadGenerator.Plan(settings.rate(), settings.duration(), settings.httpShare(),
                settings.duplicateShare(), settings.badShare(), 2026);
        load.run(plan);
        Map<String, LoadGenerator.Sent> sent = load.sent();
        Ledger ledger = system.ledger();
        try (SentSms sms = new SentSms(system.layout().mongoUri())) {
            Accounting.drain(ledger, sent.keySet(), sms, settings.drain());
        }
        sampler.shutdownNow();

        Histogram toRegistered = new Histogram(3_600_000L, 3);
        Histogram toDispatched = new Histogram(3_600_000L, 3);
        Histogram toFirstSms = new Histogram(3_600_000L, 3);
        long lastRegistered = 0, lastDispatched = 0;
        try (SentSms sms = new SentSms(system.layout().mongoUri())) {
            Map<String, Long> firstSms = sms.firstSentAtByComplaint();
            for (LoadGenerator.Sent s : sent.values()) {
                Optional<Observed> reg = ledger.registration(s.ticketKey());
                if (reg.isEmpty()) {
                    continue;
                }
                String complaintId = reg.get().text("complaintId");
                record(toRegistered, reg.get().timestampMillis() - s.sentAtMillis());
                lastRegistered = Math.max(lastRegistered, reg.get().timestampMillis());
                List<Observed> outcomes = ledger.dispatchOutcomes(complaintId);
                if (!outcomes.isEmpty()) {
                    record(toDispatched, outcomes.get(0).timestampMillis() - s.sentAtMillis());
                    lastDispatched = Math.max(lastDispatched, outcomes.get(0).timestampMillis());
                }
                Long smsAt = firstSms.get(complaintId);
                if (smsAt != null) {
                    record(toFirstSms, smsAt - s.sentAtMillis());
                }
            }
            Accounting accounting = Accounting.of(ledger, sent.keySet(), sms.countsByComplaint());
            double sendSeconds = (load.finishedSendingAt() - load.startedAt()) / 1000.0;
            out.append(String.format(Locale.ROOT, "offered: %.0f reports/s for %.0f s (%.0f%% HTTP, %.0f%% second reports of one incident, "
                            + "%.0f%% bad records: %d sent); HTTP retries %d, HTTP refused %d%n",
                    settings.rate(), sendSeconds, settings.httpShare() * 100, settings.duplicateShare() * 100,
                    settings.badShare() * 100, load.badSent(), load.httpRetries(), load.httpRefused()));
            out.append(String.format(Locale.ROOT, "sustained: %.1f registered/s, %.1f dispatched/s (good reports over first send → last event)%n",
                    accounting.registered() / Math.max(0.001, (lastRegistered - load.startedAt()) / 1000.0),
                    (accounting.dispatched() + accounting.merged() + accounting.queued())
                            / Math.max(0.001, (lastDispatched - load.startedAt()) / 1000.0)));
            out.append("accounting: ").append(accounting).append('\n');
        }
        out.append("latency ms          p50      p90      p99    p99.9      max    count\n");
        out.append(line("submitted→registered", toRegistered));
        out.append(line("submitted→dispatched", toDispatched));
        out.append(line("submitted→first SMS ", toFirstSms));
        out.append("peak RSS MB: ");
        peakRss.forEach((c, kb) -> out.append(c.processName()).append('=').append(kb / 1024).append(' '));
        out.append('\n');
        return out.toString();
    }

    private static void record(Histogram h, long millis) {
        h.recordValue(Math.max(0, Math.min(millis, h.getHighestTrackableValue())));
    }

    private static String line(String name, Histogram h) {
        return String.format(Locale.ROOT, "%s %8d %8d %8d %8d %8d %8d%n", name, h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                h.getTotalCount());
    }

    /** One producer, 1 KB records, as fast as the broker takes them: the ceiling everything else is compared with. */
    private double rawBrokerThroughput(int records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.layout().kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(64 * 1024));
        byte[] value = new byte[1024];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("bench.raw", value)).get();
            long t0 = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.raw", value));
            }
            producer.flush();
            return records / ((System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("raw broker benchmark failed", e);
        }
    }
}
