package cn.luoyang.pollution.notification.gateway;

import java.util.List;

/** Where gateways hand what carriers send back: delivery receipts and reporters' replies (上行). */
public interface GatewayInbox {

    /** Returns once the receipt is recorded; throws when it could not be (the carrier is to send it again). */
    void deliveryReport(DeliveryReport report);

    /** {@link #deliveryReport} for the receipts one callback carries; one batch where the inbox allows. */
    default void deliveryReports(List<DeliveryReport> reports) {
        reports.forEach(this::deliveryReport);
    }

    void reply(IncomingReply reply);
}
