package cn.luoyang.pollution.complaint.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.public-surface.*}: how the public endpoints protect themselves — the lockout of a
 * tracking number after wrong digits, and the per-client rate limits (requests per minute) on intake,
 * media upload and lookup.
 */
@ConfigurationProperties("complaints.public-surface")
public record PublicSurfaceProperties(LookupLockout lookupLockout, RateLimits rateLimits) {

    public PublicSurfaceProperties {
        lookupLockout = lookupLockout == null ? new LookupLockout(5, Duration.ofMinutes(15)) : lookupLockout;
        rateLimits = rateLimits == null ? new RateLimits(true, 20, 30, 60) : rateLimits;
    }

    public record LookupLockout(int maxFailures, Duration window) {
    }

    public record RateLimits(boolean enabled, int intakePerMinute, int mediaPerMinute, int lookupPerMinute) {
    }
}
