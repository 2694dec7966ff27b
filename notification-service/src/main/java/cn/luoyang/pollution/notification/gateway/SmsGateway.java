package cn.luoyang.pollution.notification.gateway;

/**
 * A way to hand an SMS to a carrier: SMPP 3.4, a cloud HTTP API, or the recording gateway of the
 * embedded runtime. Receipts and replies come back through the {@link GatewayInbox} the gateway
 * was built with.
 */
public interface SmsGateway {

    /** A short name for logs and metrics: {@code recording}, {@code smpp}, {@code http}. */
    String name();

    /**
     * Hands the message over and returns the gateway's id for it.
     *
     * @throws GatewayException saying whether the message certainly was not taken (safe to retry),
     *                          was refused for good, or may or may not have been taken
     */
    Submission submit(OutgoingSms sms);
}
