package cn.luoyang.pollution.notification.config;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code notification.escalations.digest.*}: the daily digest of each unit's overdue cases (每日超期汇总). */
@ConfigurationProperties("notification.escalations.digest")
public class DigestProperties {

    private boolean enabled = true;
    /** Local time of day it goes. */
    private LocalTime at = LocalTime.of(8, 30);
    private String zone = "Asia/Shanghai";
    /** How many of the oldest tracking numbers the SMS names (the webhook lists all). */
    private int oldest = 3;
    /** How often each instance looks whether the day's digest is due. */
    private Duration checkEvery = Duration.ofMinutes(1);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public LocalTime getAt() { return at; }
    public void setAt(LocalTime at) { this.at = at; }
    public String getZone() { return zone; }
    public void setZone(String zone) { this.zone = zone; }
    public int getOldest() { return oldest; }
    public void setOldest(int oldest) { this.oldest = oldest; }
    public Duration getCheckEvery() { return checkEvery; }
    public void setCheckEvery(Duration checkEvery) { this.checkEvery = checkEvery; }
}
