package cn.luoyang.pollution.systemtests.load;

import cn.luoyang.pollution.systemtests.harness.ComplaintApi;
import cn.luoyang.pollution.systemtests.harness.Hotline;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays realistic complaints at a chosen rate: the 12369 category mix over Luoyang's districts,
 * a share sent over HTTP (the rest published on {@code complaints.submitted} as a hotline would), a
 * share of second reports of an incident already reported, and a share of bad records. An HTTP
 * submission that fails (the service is down in the fault suite) is retried with the same
 * Idempotency-Key, as a well-behaved client does, until it is answered.
 */
public final class LoadGenerator implements AutoCloseable {

    /** What to send: rate per second, for how long, and the shares of HTTP, duplicates and bad records. */
    public record Plan(double ratePerSecond, Duration duration, double httpShare, double duplicateShare,
                       double badShare, long seed) {
    }

    /**
     * What the HTTP clients saw: attempts that failed (no answer: refused, reset or timed out; or a 5xx),
     * and of the reports that needed a retry with the same {@code Idempotency-Key}, how many were
     * answered in the end ({@code recoveredAsReplay}: answered 200, i.e. an earlier attempt had been
     * taken and the key found it) and how many never were ({@code gaveUp}).
     */
    public record HttpOutcome(int unanswered, int serverErrors, int retried, int recovered, int recoveredAsReplay, int gaveUp) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "HTTP attempts failed %d (no answer %d, 5xx %d); reports retried with the same key %d, recovered %d (%d as a replay), unrecovered %d",
                    unanswered + serverErrors, unanswered, serverErrors, retried, recovered, recoveredAsReplay, gaveUp);
        }
    }

    /** A good report that was handed over (broker acknowledged, or HTTP 201/200) and when it was first sent. */
    public record Sent(String ticketKey, long sentAtMillis, boolean http, boolean duplicate) {
    }

    private final SystemUnderTest system;
    private final Hotline hotline;
    private final ComplaintApi api;
    private final ExecutorService httpSenders = Executors.newFixedThreadPool(8);
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicInteger badSent = new AtomicInteger();
    private final AtomicInteger httpRetries = new AtomicInteger();
    private final AtomicInteger httpRefused = new AtomicInteger();
    private final AtomicInteger httpUnanswered = new AtomicInteger();
    private final AtomicInteger httpServerErrors = new AtomicInteger();
    private final AtomicInteger httpRetried = new AtomicInteger();
    private final AtomicInteger httpRecovered = new AtomicInteger();
    private final AtomicInteger httpRecoveredAsReplay = new AtomicInteger();
    private final AtomicInteger httpGaveUp = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile long startedAt;
    private volatile long finishedSendingAt;

    public LoadGenerator(SystemUnderTest system) {
        this.system = system;
        this.hotline = system.hotline();
        this.api = system.complaints();
    }

    /** Sends for the plan's duration (or until {@link #stop()}); returns when everything is handed over. */
    public void run(Plan plan) {
        List<Shot> shots = prepare(plan);
        long intervalNanos = (long) (1e9 / plan.ratePerSecond());
        long t0 = System.nanoTime();
        startedAt = System.currentTimeMillis();
        for (int i = 0; i < shots.size() && !stop.get(); i++) {
            long wait = t0 + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Shot shot = shots.get(i);
            switch (shot.kind()) {
                case BAD -> sendBad(shot.random(), shot.runId());
                case HTTP -> sendHttp(shot.report(), shot.duplicate());
                case KAFKA -> sendKafka(shot.report(),
                        shot.sealedPhone() != null ? shot.sealedPhone() : hotline.seal(shot.report().phone()), shot.duplicate());
            }
        }
        finishedSendingAt = System.currentTimeMillis();
        hotline.flush();
        while (inFlight.get() > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static final Duration PRESEAL_AT_MOST = Duration.ofMinutes(15);

    private enum Kind { BAD, HTTP, KAFKA }

    /** One planned send: decided, and for Kafka sealed, before the clock starts. */
    private record Shot(Kind kind, Report report, boolean duplicate, String sealedPhone, Random random, String runId) {
    }

    /**
     * Rolls every send of the plan up front and seals the hotline records' phones on all cores, so
     * that sealing (X25519, the generator's costliest step) does not pace the sends nor take CPU
     * from the system while it is measured. An open-ended plan (the fault suite's hour, stopped when
     * its faults are done) is rolled for the hour but sealed as it is sent.
     */
    private List<Shot> prepare(Plan plan) {
        String runId = "load-" + Long.toString(System.currentTimeMillis(), 36);
        ReportFactory factory = new ReportFactory(plan.seed(), Clock.systemUTC(), runId);
        Random random = new Random(plan.seed() + 1);
        List<Report> recent = new ArrayList<>();
        long count = (long) Math.ceil(plan.ratePerSecond() * Math.min(plan.duration().toMillis(), 3_600_000L) / 1000.0);
        List<Shot> shots = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            double roll = random.nextDouble();
            if (roll < plan.badShare()) {
                shots.add(new Shot(Kind.BAD, null, false, null, random, runId));
                continue;
            }
            boolean duplicate = roll < plan.badShare() + plan.duplicateShare() && !recent.isEmpty();
            Report report = duplicate ? factory.duplicateOf(recent.get(random.nextInt(recent.size()))) : factory.next();
            if (!duplicate) {
                recent.add(report);
                if (recent.size() > 200) {
                    recent.remove(0);
                }
            }
            Kind kind = random.nextDouble() < plan.httpShare() ? Kind.HTTP : Kind.KAFKA;
            shots.add(new Shot(kind, report, duplicate, null, random, runId));
        }
        if (plan.duration().compareTo(PRESEAL_AT_MOST) > 0) {
            return shots;
        }
        return shots.parallelStream()
                .map(s -> s.kind() == Kind.KAFKA
                        ? new Shot(s.kind(), s.report(), s.duplicate(), hotline.seal(s.report().phone()), s.random(), s.runId())
                        : s)
                .toList();
    }

    private void sendKafka(Report report, String sealedPhone, boolean duplicate) {
        long at = System.currentTimeMillis();
        inFlight.incrementAndGet();
        try {
            hotline.submitCallback(report.event(sealedPhone, Instant.ofEpochMilli(at)), error -> {
                if (error == null) {
                    sent.put(report.ticketKey(), new Sent(report.ticketKey(), at, false, duplicate));
                }
                inFlight.decrementAndGet();
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    private void sendHttp(Report report, boolean duplicate) {
        long at = System.currentTimeMillis();
        inFlight.incrementAndGet();
        httpSenders.execute(() -> {
            boolean failedBefore = false;
            try {
                for (int attempt = 0; attempt < 600; attempt++) {
                    try {
                        JsonHttp.Answer answer = api.file(report.httpBody(), report.externalTicketId());
                        if (answer.status() == 201 || answer.status() == 200) {
                            sent.put(report.httpTicketKey(), new Sent(report.httpTicketKey(), at, true, duplicate));
                            if (failedBefore) {
                                httpRecovered.incrementAndGet();
                                if (answer.status() == 200) {
                                    httpRecoveredAsReplay.incrementAndGet();
                                }
                            }
                            return;
                        }
                        if (answer.status() < 500) {
                            httpRefused.incrementAndGet();
                            return;
                        }
                        httpServerErrors.incrementAndGet();
                    } catch (RuntimeException unreachable) {
                        // the service is down (fault suite): try again with the same key
                        httpUnanswered.incrementAndGet();
                    }
                    if (!failedBefore) {
                        failedBefore = true;
                        httpRetried.incrementAndGet();
                    }
                    httpRetries.incrementAndGet();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                }
                httpGaveUp.incrementAndGet();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private void sendBad(Random random, String runId) {
        String key = "loadbad:" + runId + "-" + UUID.randomUUID();
        Map<String, String> headers = new HashMap<>(Hotline.headersFor(UUID.randomUUID().toString(), "complaint.submitted.v1", key));
        byte[] value;
        switch (random.nextInt(3)) {
            case 0 -> value = "{\"category\":".getBytes(StandardCharsets.UTF_8);
            case 1 -> {
                headers.put("ce_type", "complaint.submitted.v0");
                value = "{}".getBytes(StandardCharsets.UTF_8);
            }
            default -> value = ("{\"sourceSystem\":\"loadbad\",\"externalTicketId\":\"" + key.substring(8)
                    + "\",\"category\":\"NOT_A_CATEGORY\",\"schemaVersion\":1}").getBytes(StandardCharsets.UTF_8);
        }
        hotline.submitRaw(key, value, headers);
        badSent.incrementAndGet();
    }

    public void stop() {
        stop.set(true);
    }

    public Map<String, Sent> sent() {
        return Map.copyOf(sent);
    }

    public int badSent() {
        return badSent.get();
    }

    public int httpRetries() {
        return httpRetries.get();
    }

    public int httpRefused() {
        return httpRefused.get();
    }

    public HttpOutcome httpOutcome() {
        return new HttpOutcome(httpUnanswered.get(), httpServerErrors.get(), httpRetried.get(), httpRecovered.get(),
                httpRecoveredAsReplay.get(), httpGaveUp.get());
    }

    public long startedAt() {
        return startedAt;
    }

    public long finishedSendingAt() {
        return finishedSendingAt;
    }

    @Override
    public void close() {
        httpSenders.shutdown();
        try {
            httpSenders.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hotline.close();
    }
}
