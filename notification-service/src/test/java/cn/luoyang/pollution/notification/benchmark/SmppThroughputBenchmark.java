package cn.luoyang.pollution.notification.benchmark;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import cn.luoyang.pollution.notification.gateway.OutgoingSms;
import cn.luoyang.pollution.notification.gateway.ResilientGateway;
import cn.luoyang.pollution.notification.gateway.smpp.SmppGateway;
import cn.luoyang.pollution.notification.gateway.smpp.SmppSettings;
import cn.luoyang.pollution.notification.gateway.smpp.SmscSimulator;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.PhoneHasher;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.sending.Backoff;
import cn.luoyang.pollution.notification.sending.DeliveryReports;
import cn.luoyang.pollution.notification.sending.SendingSettings;
import cn.luoyang.pollution.notification.sending.MessageSender;
import cn.luoyang.pollution.notification.sending.NumberCaps;
import cn.luoyang.pollution.notification.sending.QuietHours;
import cn.luoyang.pollution.notification.sending.SendingPolicy;
import cn.luoyang.pollution.notification.sending.UnknownOutcomes;
import cn.luoyang.pollution.notification.sending.persistence.MongoOptOuts;
import cn.luoyang.pollution.notification.sending.persistence.MongoReceipts;
import cn.luoyang.pollution.notification.survey.persistence.MongoSurveys;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * SMS throughput through the SMPP simulator on loopback. Not a test: it asserts nothing about speed
 * and runs only when asked:
 * {@code ./mvnw -B verify -pl notification-service -Dtest=SmppThroughputBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (optional {@code -Dbenchmark.messages=5000}). Figures go in {@code notification-service/BENCHMARKS.md}.
 *
 * <ol>
 *   <li>gateway only: {@code SmppGateway.submit} from 1 and from 8 threads (submit_sm round trips on one bind);</li>
 *   <li>the whole sending path: queued messages in MongoDB claimed, contact opened (HPKE), policy,
 *       guarded gateway, recorded SENT, receipts applied as DELIVERED; without Kafka (the
 *       ReporterNotified publisher is a no-op here);</li>
 *   <li>the same path with the rate limiter at 100/s, to show it holds the carrier's rate;</li>
 *   <li>the key opening alone ({@link #contactOpening}): building the opener (parsing the private
 *       keyset, making the HPKE primitive: done once per process) against opening one sealed number
 *       with it (done per distinct contact of a batch).</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SmppThroughputBenchmark {

    private static final int MESSAGES = Integer.getInteger("benchmark.messages", 3000);

    @Test
    void gatewayOnly() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start()) {
            SmppGateway gateway = gateway(smsc, new CountingInbox());
            try {
                warmUp(gateway);
                for (int threads : new int[] {1, 8}) {
                    long[] latencies = new long[MESSAGES];
                    AtomicInteger next = new AtomicInteger();
                    ExecutorService pool = Executors.newFixedThreadPool(threads);
                    long start = System.nanoTime();
                    List<Future<?>> running = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        running.add(pool.submit(() -> {
                            int i;
                            while ((i = next.getAndIncrement()) < MESSAGES) {
                                long t0 = System.nanoTime();
                                gateway.submit(sms("b-" + threads + "-" + i, "【洛阳生态环境】您反映的问题已受理，受理编号LY20261128-000042。"));
                                latencies[i] = System.nanoTime() - t0;
                            }
                        }));
                    }
                    for (Future<?> f : running) {
                        f.get();
                    }
                    report("gateway only, " + threads + " thread(s)", MESSAGES, System.nanoTime() - start, latencies);
                    pool.shutdown();
                }
            } finally {
                gateway.close();
            }
        }
    }

    @Test
    void contactOpening() {
        ContactKeys.KeyPair keys = ContactKeys.generate();
        ContactSealer sealer = ContactSealer.withPublicKeyset(keys.publicKeyset());
        int builds = 300;
        for (int i = 0; i < 50; i++) {
            ContactOpener.withPrivateKeyset(keys.privateKeyset());
        }
        long[] buildNanos = new long[builds];
        for (int i = 0; i < builds; i++) {
            long t0 = System.nanoTime();
            ContactOpener.withPrivateKeyset(keys.privateKeyset());
            buildNanos[i] = System.nanoTime() - t0;
        }
        latencies("opener built (keyset parsed, HPKE primitive made)", buildNanos);

        ContactOpener opener = ContactOpener.withPrivateKeyset(keys.privateKeyset());
        int opens = 5000;
        String[] sealed = new String[opens];
        for (int i = 0; i < opens; i++) {
            sealed[i] = sealer.seal(String.format("139%08d", i));
        }
        for (int i = 0; i < 1000; i++) {
            opener.open(sealed[i]);
        }
        long[] openNanos = new long[opens];
        long start = System.nanoTime();
        for (int i = 0; i < opens; i++) {
            long t0 = System.nanoTime();
            opener.open(sealed[i]);
            openNanos[i] = System.nanoTime() - t0;
        }
        long total = System.nanoTime() - start;
        latencies("sealed number opened (HPKE X25519, one thread)", openNanos);
        System.out.printf("[benchmark] opening: %.0f opens/s on one thread; load average %s%n",
                opens / (total / 1e9), loadAverage());
    }

    private static void latencies(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf("%n[benchmark] %s: n=%d mean %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", label, sorted.length,
                mean / 1e6, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Test
    void wholeSendingPath() throws Exception {
        runPath("whole path (Mongo + HPKE + guards + SMPP), 4 workers, no rate limit", 100_000, MESSAGES);
        runPath("whole path, rate limiter at 100/s", 100, 500);
    }

    private void runPath(String label, int ratePerSecond, int count) throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(); MongoFixture mongo = new MongoFixture()) {
            ContactKeys.KeyPair keys = ContactKeys.generate();
            ContactSealer sealer = ContactSealer.withPublicKeyset(keys.publicKeyset());
            Clock clock = Clock.systemUTC();
            Messages messages = new MongoMessages(mongo.template());
            MongoReporterContacts contacts = new MongoReporterContacts(mongo.template());
            DeliveryReports reports = new DeliveryReports(messages, new MongoReceipts(mongo.template()), id -> { }, clock);
            CountingInbox inbox = new CountingInbox(reports);
            SmppGateway smpp = gateway(smsc, inbox);
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                ResilientGateway guarded = new ResilientGateway(smpp, Retry.ofDefaults("b"), CircuitBreaker.ofDefaults("b"),
                        RateLimiter.of("b", RateLimiterConfig.custom().limitForPeriod(ratePerSecond)
                                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(30)).build()),
                        Bulkhead.of("b", BulkheadConfig.custom().maxConcurrentCalls(10).build()));
                MessageSender sender = new MessageSender(messages, contacts,
                        ContactOpener.withPrivateKeyset(keys.privateKeyset()), new PhoneHasher(new byte[32]),
                        new SendingPolicy(new MongoOptOuts(mongo.template()), QuietHours.off(), NumberCaps.none(), null),
                        guarded, reports, id -> { }, new MongoSurveys(mongo.template()), clock,
                        new SendingSettings(50, Duration.ofMinutes(2), Duration.ofHours(1),
                                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), Duration.ofDays(1), Duration.ofDays(7)),
                        workers, UnknownOutcomes.none());
                for (int i = 0; i < count; i++) {
                    String phone = String.format("139%08d", i);
                    contacts.keep(new ReporterContact("c-" + i, "LY-" + i, false, sealer.seal(phone), "139****" + phone.substring(7),
                            PhoneKind.MOBILE));
                    messages.add(SmsMessage.queue(MessageKey.of("c-" + i, Milestone.REGISTERED, "c-" + i), null,
                            "【洛阳生态环境】您反映的环境问题已受理，受理编号LY-" + i + "。", false, clock.instant()));
                }
                long start = System.nanoTime();
                while (sender.sendDue() > 0) {
                    // each round claims a batch and sends it
                }
                long sentNanos = System.nanoTime() - start;
                while (inbox.receipts.get() < count && System.nanoTime() - start < Duration.ofMinutes(2).toNanos()) {
                    Thread.sleep(10);
                }
                long deliveredNanos = System.nanoTime() - start;
                long delivered = mongo.template().getCollection("sms_messages")
                        .countDocuments(new org.bson.Document("state", MessageState.DELIVERED.name()));
                System.out.printf("%n[benchmark] %s: %d messages SENT in %.2f s = %.0f msg/s; %d DELIVERED after %.2f s; SMSC saw %d submit_sm (%d distinct); load average %s%n",
                        label, count, sentNanos / 1e9, count / (sentNanos / 1e9), delivered, deliveredNanos / 1e9,
                        smsc.submitted().size(), smsc.submitted().stream().map(s -> new String(s.shortMessage(), java.nio.charset.StandardCharsets.UTF_16BE)).distinct().count(), loadAverage());
            } finally {
                workers.shutdownNow();
                smpp.close();
            }
        }
    }

    private static SmppGateway gateway(SmscSimulator smsc, GatewayInbox inbox) throws InterruptedException {
        SmppGateway gateway = new SmppGateway(new SmppSettings("127.0.0.1", smsc.port(), "bench", "bench", "",
                "10690000012369", Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(200)), inbox,
                Clock.systemUTC()).start();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!gateway.isBound() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return gateway;
    }

    private static void warmUp(SmppGateway gateway) {
        for (int i = 0; i < 500; i++) {
            gateway.submit(sms("warm-" + i, "warm up"));
        }
    }

    private static OutgoingSms sms(String id, String text) {
        return new OutgoingSms(id, "c", null, "REGISTERED", "13912345678", "139****5678", text);
    }

    private static void report(String label, int count, long nanos, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("%n[benchmark] %s: %d submit_sm in %.2f s = %.0f msg/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                label, count, nanos / 1e9, count / (nanos / 1e9), sorted[count / 2] / 1e6, sorted[(int) (count * 0.99)] / 1e6,
                sorted[count - 1] / 1e6);
    }

    /** Counts receipts, and hands them on when the whole path is measured. */
    private static final class CountingInbox implements GatewayInbox {
        final AtomicInteger receipts = new AtomicInteger();
        private final DeliveryReports reports;

        CountingInbox() {
            this(null);
        }

        CountingInbox(DeliveryReports reports) {
            this.reports = reports;
        }

        @Override
        public void deliveryReport(DeliveryReport report) {
            if (reports != null) {
                reports.received(report);
            }
            receipts.incrementAndGet();
        }

        @Override
        public void reply(IncomingReply reply) {
        }
    }
}
