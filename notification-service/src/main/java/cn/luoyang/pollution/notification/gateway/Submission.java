package cn.luoyang.pollution.notification.gateway;

/** The gateway took the message; {@code gatewayMessageId} is what its receipts will name. */
public record Submission(String gatewayMessageId) {
}
