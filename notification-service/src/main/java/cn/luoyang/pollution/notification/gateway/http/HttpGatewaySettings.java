package cn.luoyang.pollution.notification.gateway.http;

import java.net.URI;
import java.time.Duration;

/**
 * A cloud SMS API (in the style of Aliyun's or Tencent's): one JSON POST per message.
 *
 * @param sendUrl       where messages are POSTed
 * @param apiKey        sent as {@code Authorization: Bearer ...}
 * @param signName      the registered signature name the provider prepends or checks
 * @param timeout       after it the outcome is unknown (the request may have been taken)
 * @param callbackToken what the provider must send in {@code X-Callback-Token} on receipts and replies
 */
public record HttpGatewaySettings(URI sendUrl, String apiKey, String signName, Duration timeout, String callbackToken) {

    @Override
    public String toString() {
        return "HttpGatewaySettings[" + sendUrl + ", apiKey=<hidden>]";
    }
}
