package cn.luoyang.pollution.complaint.tracking;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A reporter looks their complaint up by tracking number and the last four digits of their phone
 * (查询办理进度). A wrong or missing number answers exactly like an unknown tracking number, so
 * the page tells a stranger nothing. Anonymous complaints have no digits to check: the tracking
 * number alone finds them, and what is shown (status, department, reply) is no more than the
 * Open311 endpoint publishes anyway.
 */
public final class PublicLookup {

    private final ProgressStore store;

    public PublicLookup(ProgressStore store) {
        this.store = store;
    }

    public Optional<Tracked> find(String trackingNumber, String phoneLastFour) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return Optional.empty();
        }
        return store.trackedByNumber(trackingNumber.trim()).filter(t -> matches(t, phoneLastFour));
    }

    private static boolean matches(Tracked tracked, String given) {
        if (tracked.anonymous()) {
            return true;
        }
        if (given == null || tracked.phoneLastFour() == null) {
            return false;
        }
        return MessageDigest.isEqual(tracked.phoneLastFour().getBytes(StandardCharsets.UTF_8),
                given.trim().getBytes(StandardCharsets.UTF_8));
    }
}
