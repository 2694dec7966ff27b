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
    /** What the provider must send as X-Callback-Token; empty accepts any caller (local runs only). */
    private String callbackToken = "";

    public String getSendUrl() { return sendUrl; }
    public void setSendUrl(String sendUrl) { this.sendUrl = sendUrl; }
    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public String getSignName() { return signName; }
    public void setSignName(String signName) { this.signName = signName; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public String getCallbackToken() { return callbackToken; }
    public void setCallbackToken(String callbackToken) { this.callbackToken = callbackToken; }
}
