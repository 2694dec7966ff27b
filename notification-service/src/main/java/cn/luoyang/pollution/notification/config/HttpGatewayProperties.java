package cn.luoyang.pollution.notification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code notification.http.*}: the cloud SMS API when {@code notification.gateway=http}. */
@ConfigurationProperties("notification.http")
public class HttpGatewayProperties {

    private String sendUrl = "http://127.0.0.1:8089/sms/send";
    private String apiKey = "";
    private String signName = "洛阳生态环境";
    private Duration timeout = Duration.ofSeconds(10);
    /** The secret the provider signs its callbacks with (HMAC-SHA256, {@code X-Signature}); required. */
    private String callbackSecret = "";
    /** How far a callback's signing time may be from our clock. */
    private Duration callbackWindow = Duration.ofMinutes(5);

    public String getSendUrl() { return sendUrl; }
    public void setSendUrl(String sendUrl) { this.sendUrl = sendUrl; }
    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public String getSignName() { return signName; }
    public void setSignName(String signName) { this.signName = signName; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public String getCallbackSecret() { return callbackSecret; }
    public void setCallbackSecret(String callbackSecret) { this.callbackSecret = callbackSecret; }
    public Duration getCallbackWindow() { return callbackWindow; }
    public void setCallbackWindow(Duration callbackWindow) { this.callbackWindow = callbackWindow; }
}
