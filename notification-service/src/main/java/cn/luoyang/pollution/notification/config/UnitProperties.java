package cn.luoyang.pollution.notification.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code notification.units.*}: webhooks of the responsible units, by department code. */
@ConfigurationProperties("notification.units")
public class UnitProperties {

    /** Unit ({@code DEPT@territory}) or department code (e.g. ECOLOGY_ENVIRONMENT) → URL; the unit's own wins. */
    private Map<String, String> webhooks = new LinkedHashMap<>();
    /** Used for a department with no webhook of its own; empty = such departments get none. */
    private String defaultWebhook = "";
    /** The secret our webhook calls are signed with (HMAC-SHA256, {@code X-Signature}), shared with the units. */
    private String signingSecret = "";
    private Duration timeout = Duration.ofSeconds(5);
    private int maxAttempts = 10;
    private Duration retryInitial = Duration.ofSeconds(2);
    private Duration retryMax = Duration.ofMinutes(10);

    public Map<String, String> getWebhooks() { return webhooks; }
    public void setWebhooks(Map<String, String> webhooks) { this.webhooks = webhooks; }
    public String getDefaultWebhook() { return defaultWebhook; }
    public void setDefaultWebhook(String defaultWebhook) { this.defaultWebhook = defaultWebhook; }
    public String getSigningSecret() { return signingSecret; }
    public void setSigningSecret(String signingSecret) { this.signingSecret = signingSecret; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getRetryInitial() { return retryInitial; }
    public void setRetryInitial(Duration retryInitial) { this.retryInitial = retryInitial; }
    public Duration getRetryMax() { return retryMax; }
    public void setRetryMax(Duration retryMax) { this.retryMax = retryMax; }
}
