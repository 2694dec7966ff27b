package cn.luoyang.pollution.complaint.publicsurface.web;

import cn.luoyang.pollution.complaint.publicsurface.Surface;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits per client and surface with Bucket4j token buckets (each client's bucket refills its
 * per-minute allowance greedily); a client over its limit gets 429 with {@code Retry-After} and a
 * problem body, counted in {@code complaint.rate.limited{surface}}. The client is the remote address
 * (behind a proxy, set {@code server.forward-headers-strategy} so that it is the caller's). The
 * buckets are shared by every instance (a Bucket4j {@link ProxyManager}; in the service, MongoDB's
 * {@code rate_buckets}): a client whose requests a balancer spreads over N instances is limited as one.
 * Should the store fail, the request goes through (logged): the limit protects, it does not decide.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final Map<Surface, BucketConfiguration> limits;
    private final ProxyManager<String> buckets;
    private final MeterRegistry meters;

    public RateLimitFilter(Map<Surface, Integer> perMinute, ProxyManager<String> buckets, MeterRegistry meters) {
        this.limits = perMinute.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> perMinute(e.getValue())));
        this.buckets = buckets;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Surface surface = Surface.of(request.getMethod(), request.getRequestURI());
        if (surface == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(surface + "|" + request.getRemoteAddr(), () -> limits.get(surface))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("rate limit of {} not checked, request let through: {}", surface, e.toString());
            chain.doFilter(request, response);
            return;
        }
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        meters.counter("complaint.rate.limited", "surface", surface.name().toLowerCase(Locale.ROOT)).increment();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:luoyang:problem:rate-limited\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"detail\":\"too many requests from this client; try again in " + seconds
                + " s\",\"reason\":\"rate-limited\",\"errors\":[]}");
    }

    private static BucketConfiguration perMinute(int allowance) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillGreedy(allowance, Duration.ofMinutes(1)).build())
                .build();
    }
}
