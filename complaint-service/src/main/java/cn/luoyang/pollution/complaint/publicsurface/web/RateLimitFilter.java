package cn.luoyang.pollution.complaint.publicsurface.web;

import cn.luoyang.pollution.complaint.publicsurface.Surface;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits per client and surface with Bucket4j token buckets (each client's bucket refills its
 * per-minute allowance greedily); a client over its limit gets 429 with {@code Retry-After} and a
 * problem body, counted in {@code complaint.rate.limited{surface}}. The client is the remote address
 * (behind a proxy, set {@code server.forward-headers-strategy} so that it is the caller's). Buckets
 * live in each instance (a bounded Caffeine cache): with N instances behind a balancer a client gets
 * at most N times the limit, which still stops scripted flooding; the lookup's real protection
 * against guessing is the per-number lockout, which is shared.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final Map<Surface, Integer> perMinute;
    private final MeterRegistry meters;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(100_000).build();

    public RateLimitFilter(Map<Surface, Integer> perMinute, MeterRegistry meters) {
        this.perMinute = Map.copyOf(perMinute);
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
        Bucket bucket = buckets.get(surface + "|" + request.getRemoteAddr(), key -> newBucket(perMinute.get(surface)));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
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

    private static Bucket newBucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
