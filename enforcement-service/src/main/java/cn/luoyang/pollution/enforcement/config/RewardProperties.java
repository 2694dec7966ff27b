package cn.luoyang.pollution.enforcement.config;

import cn.luoyang.pollution.enforcement.rewards.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code enforcement.rewards.*}: the reward schedule (rewards/reward-rules.yml) and the claim-code key. */
@ConfigurationProperties("enforcement.rewards")
public record RewardProperties(List<Rule> rules, String codeSecret) {

    public record Rule(String category, Severity severity, BigDecimal minYuan, BigDecimal maxYuan, String approver) {
    }
}
