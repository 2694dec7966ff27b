package cn.luoyang.pollution.enforcement.rewards.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The public claim's per-client limit (公开接口限流): a Bucket4j token bucket per remote address that
 * refills its per-minute allowance greedily. The buckets are this instance's (the last 10,000 clients);
 * the limit that a guesser cannot spread over instances is the claim's own wrong-code lock
 * ({@code RewardDesk#claimByCode}), counted in MongoDB.
 */
public final class ClientLimit {

    private static final int CLIENTS_KEPT = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > CLIENTS_KEPT;
        }
    };

    public ClientLimit(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("enforcement.rewards.claims-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
    }

    /** Takes a token for {@code client}: empty when allowed, else the seconds to wait. */
    public OptionalLong take(String client) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
