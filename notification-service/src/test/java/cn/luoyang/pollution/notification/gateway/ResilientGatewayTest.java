package cn.luoyang.pollution.notification.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.notification.gateway.GatewayException.Outcome;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Each guard, forced to act: what it refuses comes out as NOT_SENT, and nothing is sent twice. */
class ResilientGatewayTest {

    private static final OutgoingSms SMS = new OutgoingSms("m-1", "c-1", null, "REGISTERED", "13812345678", "138****5678", "hi");

    /** A carrier stand-in that plays a script of outcomes and counts the calls that reached it. */
    static final class ScriptedCarrier implements SmsGateway {
        final Deque<Supplier<Submission>> script = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();

        ScriptedCarrier then(Outcome failure) {
            script.add(() -> {
                throw new GatewayException(failure, failure.name());
            });
            return this;
        }

        ScriptedCarrier thenAccept() {
            script.add(() -> new Submission("gw-" + calls.get()));
            return this;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Submission submit(OutgoingSms sms) {
            calls.incrementAndGet();
            Supplier<Submission> next = script.size() > 1 ? script.poll() : script.peek();
            return next.get();
        }
    }

    @Test
    void retriesAFailureThatSentNothingWithBackoffAndSucceeds() {
        ScriptedCarrier carrier = new ScriptedCarrier().then(Outcome.NOT_SENT).then(Outcome.NOT_SENT).thenAccept();
        Submission submission = guarded(carrier, retry(3), lenientBreaker(), limiter(100, Duration.ZERO), bulkhead(5)).submit(SMS);

        assertThat(submission.gatewayMessageId()).isEqualTo("gw-3");
        assertThat(carrier.calls).hasValue(3);
    }

    @Test
    void neverRetriesWhenTheOutcomeIsUnknownOrTheMessageWasRejected() {
        ScriptedCarrier unknown = new ScriptedCarrier().then(Outcome.UNKNOWN);
        assertThatThrownBy(() -> guarded(unknown, retry(3), lenientBreaker(), limiter(100, Duration.ZERO), bulkhead(5)).submit(SMS))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN));
        assertThat(unknown.calls).hasValue(1);

        ScriptedCarrier rejecting = new ScriptedCarrier().then(Outcome.REJECTED);
        assertThatThrownBy(() -> guarded(rejecting, retry(3), lenientBreaker(), limiter(100, Duration.ZERO), bulkhead(5)).submit(SMS))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.REJECTED));
        assertThat(rejecting.calls).hasValue(1);
    }

    @Test
    void circuitOpensAfterRepeatedGatewayFailuresAndThenStopsCallingTheGateway() {
        ScriptedCarrier down = new ScriptedCarrier().then(Outcome.NOT_SENT);
        CircuitBreaker breaker = CircuitBreaker.of("t", CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1)).recordException(ResilientGateway::isGatewayFault).build());
        ResilientGateway gateway = guarded(down, retry(1), breaker, limiter(100, Duration.ZERO), bulkhead(5));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> gateway.submit(SMS)).isInstanceOf(GatewayException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> gateway.submit(SMS))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
                    assertThat(e.getMessage()).isEqualTo("circuit open");
                });
        assertThat(down.calls).hasValue(4);
    }

    @Test
    void aRejectedNumberDoesNotOpenTheCircuit() {
        ScriptedCarrier rejecting = new ScriptedCarrier().then(Outcome.REJECTED);
        CircuitBreaker breaker = CircuitBreaker.of("t", CircuitBreakerConfig.custom()
                .slidingWindowSize(2).minimumNumberOfCalls(2).recordException(ResilientGateway::isGatewayFault).build());
        ResilientGateway gateway = guarded(rejecting, retry(1), breaker, limiter(100, Duration.ZERO), bulkhead(5));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> gateway.submit(SMS)).isInstanceOf(GatewayException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void rateLimiterRefusesBeyondTheCarriersRateAsNotSent() {
        ScriptedCarrier carrier = new ScriptedCarrier().thenAccept();
        ResilientGateway gateway = guarded(carrier, retry(1), lenientBreaker(), limiter(2, Duration.ZERO), bulkhead(5));
        gateway.submit(SMS);
        gateway.submit(SMS);

        assertThatThrownBy(() -> gateway.submit(SMS))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
                    assertThat(e.getMessage()).isEqualTo("rate limit");
                });
        assertThat(carrier.calls).hasValue(2);
    }

    @Test
    void bulkheadRefusesACallBeyondTheConcurrencyBoundAsNotSent() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SmsGateway slow = new SmsGateway() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Submission submit(OutgoingSms sms) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Submission("gw-slow");
            }
        };
        ResilientGateway gateway = guarded(slow, retry(1), lenientBreaker(), limiter(100, Duration.ZERO), bulkhead(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Submission> first = pool.submit(() -> gateway.submit(SMS));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> gateway.submit(SMS))
                    .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getMessage()).isEqualTo("bulkhead full"));
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).gatewayMessageId()).isEqualTo("gw-slow");
        } finally {
            pool.shutdownNow();
        }
    }

    private static ResilientGateway guarded(SmsGateway carrier, Retry retry, CircuitBreaker breaker, RateLimiter limiter,
            Bulkhead bulkhead) {
        return new ResilientGateway(carrier, retry, breaker, limiter, bulkhead);
    }

    private static Retry retry(int attempts) {
        return Retry.of("t", RetryConfig.custom().maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(10), 2.0, 0.5))
                .retryOnException(ResilientGateway::isSafeToRetry).build());
    }

    private static CircuitBreaker lenientBreaker() {
        return CircuitBreaker.of("t", CircuitBreakerConfig.custom().minimumNumberOfCalls(100).build());
    }

    private static RateLimiter limiter(int perPeriod, Duration timeout) {
        return RateLimiter.of("t", RateLimiterConfig.custom().limitForPeriod(perPeriod)
                .limitRefreshPeriod(Duration.ofMinutes(10)).timeoutDuration(timeout).build());
    }

    private static Bulkhead bulkhead(int concurrent) {
        return Bulkhead.of("t", BulkheadConfig.custom().maxConcurrentCalls(concurrent).maxWaitDuration(Duration.ZERO).build());
    }
}
