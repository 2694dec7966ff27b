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
 */
public record HttpGatewaySettings(URI sendUrl, String apiKey, String signName, Duration timeout) {

    @Override
    public String toString() {
        return "HttpGatewaySettings[" + sendUrl + ", apiKey=<hidden>]";
    }
}
