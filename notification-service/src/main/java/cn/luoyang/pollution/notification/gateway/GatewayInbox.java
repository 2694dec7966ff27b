package cn.luoyang.pollution.notification.gateway;

/** Where gateways hand what carriers send back: delivery receipts and reporters' replies (上行). */
public interface GatewayInbox {

    void deliveryReport(DeliveryReport report);

    void reply(IncomingReply reply);
}
