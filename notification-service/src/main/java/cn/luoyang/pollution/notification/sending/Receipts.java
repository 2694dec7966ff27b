package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Receipts parked until their message is known as SENT. A fast carrier's receipt can overtake the
 * write that records the gateway id; both sides park-then-look, so neither order loses it.
 */
public interface Receipts {

    void park(DeliveryReport report);

    Optional<DeliveryReport> parked(String gatewayMessageId);

    /** Those of {@code gatewayMessageIds} with a parked receipt; one read where the store allows. */
    default Set<String> parkedAmong(Collection<String> gatewayMessageIds) {
        return gatewayMessageIds.stream().filter(id -> parked(id).isPresent()).collect(Collectors.toSet());
    }

    void discard(String gatewayMessageId);

    /** {@link #park} for a batch; one round trip where the store allows. */
    default void parkAll(Collection<DeliveryReport> reports) {
        reports.forEach(this::park);
    }

    /** {@link #discard} for a batch; one round trip where the store allows. */
    default void discardAll(Collection<String> gatewayMessageIds) {
        gatewayMessageIds.forEach(this::discard);
    }
}
