package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import java.util.Optional;

/**
 * Receipts parked until their message is known as SENT. A fast carrier's receipt can overtake the
 * write that records the gateway id; both sides park-then-look, so neither order loses it.
 */
public interface Receipts {

    void park(DeliveryReport report);

    Optional<DeliveryReport> parked(String gatewayMessageId);

    void discard(String gatewayMessageId);
}
