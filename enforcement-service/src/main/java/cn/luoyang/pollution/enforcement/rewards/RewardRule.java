package cn.luoyang.pollution.enforcement.rewards;

import java.math.BigDecimal;

/**
 * One line of the reward schedule (奖励标准): for a category (a catalogue code, or {@code *} for any)
 * and a {@link Severity}, the amount in yuan the campaign office may award and the role that approves.
 */
public record RewardRule(String category, Severity severity, BigDecimal minYuan, BigDecimal maxYuan, String approver) {

    public static final String ANY_CATEGORY = "*";

    public boolean allows(BigDecimal amountYuan) {
        return amountYuan.compareTo(minYuan) >= 0 && amountYuan.compareTo(maxYuan) <= 0;
    }
}
