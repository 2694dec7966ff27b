package cn.luoyang.pollution.notification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code notification.resilience.*}: the guards around the gateway. */
@ConfigurationProperties("notification.resilience")
public class ResilienceProperties {

    /** The carrier's contracted rate: submissions per second. */
    private int ratePerSecond = 100;
    private Duration rateTimeout = Duration.ofSeconds(5);
    private int maxConcurrentCalls = 10;
    private Duration bulkheadWait = Duration.ofSeconds(1);
    private int retryAttempts = 3;
    private Duration retryInitial = Duration.ofMillis(200);
    private double retryMultiplier = 2.0;
    private double retryJitter = 0.5;
    private float failureRateThreshold = 50f;
    private int minimumCalls = 5;
    private int slidingWindow = 10;
    private Duration openWait = Duration.ofSeconds(10);
    private int halfOpenCalls = 2;

    public int getRatePerSecond() { return ratePerSecond; }
    public void setRatePerSecond(int ratePerSecond) { this.ratePerSecond = ratePerSecond; }
    public Duration getRateTimeout() { return rateTimeout; }
    public void setRateTimeout(Duration rateTimeout) { this.rateTimeout = rateTimeout; }
    public int getMaxConcurrentCalls() { return maxConcurrentCalls; }
    public void setMaxConcurrentCalls(int maxConcurrentCalls) { this.maxConcurrentCalls = maxConcurrentCalls; }
    public Duration getBulkheadWait() { return bulkheadWait; }
    public void setBulkheadWait(Duration bulkheadWait) { this.bulkheadWait = bulkheadWait; }
    public int getRetryAttempts() { return retryAttempts; }
    public void setRetryAttempts(int retryAttempts) { this.retryAttempts = retryAttempts; }
    public Duration getRetryInitial() { return retryInitial; }
    public void setRetryInitial(Duration retryInitial) { this.retryInitial = retryInitial; }
    public double getRetryMultiplier() { return retryMultiplier; }
    public void setRetryMultiplier(double retryMultiplier) { this.retryMultiplier = retryMultiplier; }
    public double getRetryJitter() { return retryJitter; }
    public void setRetryJitter(double retryJitter) { this.retryJitter = retryJitter; }
    public float getFailureRateThreshold() { return failureRateThreshold; }
    public void setFailureRateThreshold(float failureRateThreshold) { this.failureRateThreshold = failureRateThreshold; }
    public int getMinimumCalls() { return minimumCalls; }
    public void setMinimumCalls(int minimumCalls) { this.minimumCalls = minimumCalls; }
    public int getSlidingWindow() { return slidingWindow; }
    public void setSlidingWindow(int slidingWindow) { this.slidingWindow = slidingWindow; }
    public Duration getOpenWait() { return openWait; }
    public void setOpenWait(Duration openWait) { this.openWait = openWait; }
    public int getHalfOpenCalls() { return halfOpenCalls; }
    public void setHalfOpenCalls(int halfOpenCalls) { this.halfOpenCalls = halfOpenCalls; }
}
