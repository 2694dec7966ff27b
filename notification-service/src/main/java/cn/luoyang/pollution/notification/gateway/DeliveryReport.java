package cn.luoyang.pollution.notification.gateway;

/** A carrier's receipt for a message it took: delivered to the handset, or given up (expired, rejected...). */
public record DeliveryReport(String gatewayMessageId, boolean delivered, String status) {
}
