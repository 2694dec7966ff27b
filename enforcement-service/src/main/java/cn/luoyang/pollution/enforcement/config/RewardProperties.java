package cn.luoyang.pollution.enforcement.config;

import cn.luoyang.pollution.enforcement.rewards.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code enforcement.rewards.*}: the reward schedule (rewards/reward-rules.yml), the claim-code key and
 * how many public claims one client may make per minute ({@code claims-per-minute}, default 10).
 */
@ConfigurationProperties("enforcement.rewards")
public record RewardProperties(List<Rule> rules, String codeSecret, Integer claimsPerMinute) {

    public int claimsPerMinuteOrDefault() {
        return claimsPerMinute == null ? 10 : claimsPerMinute;
    }

    public record Rule(String category, Severity severity, BigDecimal minYuan, BigDecimal maxYuan, String approver) {
    }
}
