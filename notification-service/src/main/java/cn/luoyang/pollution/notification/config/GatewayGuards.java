package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.notification.gateway.ResilientGateway;
import cn.luoyang.pollution.notification.gateway.SmsGateway;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;

/**
 * Builds the Resilience4j guards from {@link ResilienceProperties} in code (the failure predicates
 * need our own exception's outcome) and registers them in the starter's registries, so they show
 * in Actuator and Prometheus as {@code sms-gateway}.
 */
final class GatewayGuards {

    static final String NAME = "sms-gateway";

    static ResilientGateway around(SmsGateway gateway, ResilienceProperties p, CircuitBreakerRegistry breakers,
            RetryRegistry retries, RateLimiterRegistry limiters, BulkheadRegistry bulkheads) {
        CircuitBreaker breaker = breakers.circuitBreaker(NAME, CircuitBreakerConfig.custom()
                .slidingWindowSize(p.getSlidingWindow())
                .minimumNumberOfCalls(p.getMinimumCalls())
                .failureRateThreshold(p.getFailureRateThreshold())
                .waitDurationInOpenState(p.getOpenWait())
                .permittedNumberOfCallsInHalfOpenState(p.getHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(ResilientGateway::isGatewayFault)
                .build());
        Retry retry = retries.retry(NAME, RetryConfig.custom()
                .maxAttempts(p.getRetryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(p.getRetryInitial(),
                        p.getRetryMultiplier(), p.getRetryJitter()))
                .retryOnException(ResilientGateway::isSafeToRetry)
                .build());
        RateLimiter limiter = limiters.rateLimiter(NAME, RateLimiterConfig.custom()
                .limitForPeriod(p.getRatePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(p.getRateTimeout())
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(NAME, BulkheadConfig.custom()
                .maxConcurrentCalls(p.getMaxConcurrentCalls())
                .maxWaitDuration(p.getBulkheadWait())
                .build());
        return new ResilientGateway(gateway, retry, breaker, limiter, bulkhead);
    }

    private GatewayGuards() {
    }
}
