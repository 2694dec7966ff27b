package cn.luoyang.pollution.notification.gateway;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;

/**
 * Puts the carrier's limits around any gateway. From the outside in: a retry with exponential
 * backoff and jitter (only for failures that certainly sent nothing), a circuit breaker (stop
 * knocking on a gateway that is down; let a few calls probe it later), a rate limiter at the
 * carrier's contracted rate, and a bulkhead bounding calls in flight. Whatever these refuse comes
 * out as {@link GatewayException.Outcome#NOT_SENT}: the message goes back to the queue and waits.
 */
public final class ResilientGateway implements SmsGateway {

    private final SmsGateway delegate;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;

    public ResilientGateway(SmsGateway delegate, Retry retry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter,
            Bulkhead bulkhead) {
        this.delegate = delegate;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.rateLimiter = rateLimiter;
        this.bulkhead = bulkhead;
    }

    /** Which failures count against the gateway: not a refusal of one message, not our own limits. */
    public static boolean isGatewayFault(Throwable e) {
        return e instanceof GatewayException g && g.outcome() != GatewayException.Outcome.REJECTED;
    }

    /** Which failures a retry may repeat without risking a second SMS. */
    public static boolean isSafeToRetry(Throwable e) {
        return e instanceof GatewayException g && g.safeToRetry();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Submission submit(OutgoingSms sms) {
        Supplier<Submission> call = () -> delegate.submit(sms);
        Supplier<Submission> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker,
                        RateLimiter.decorateSupplier(rateLimiter,
                                Bulkhead.decorateSupplier(bulkhead, call))));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new GatewayException(GatewayException.Outcome.NOT_SENT, "circuit open", e);
        } catch (RequestNotPermitted e) {
            throw new GatewayException(GatewayException.Outcome.NOT_SENT, "rate limit", e);
        } catch (BulkheadFullException e) {
            throw new GatewayException(GatewayException.Outcome.NOT_SENT, "bulkhead full", e);
        }
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }
}
