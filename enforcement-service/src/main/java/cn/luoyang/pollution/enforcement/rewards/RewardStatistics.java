package cn.luoyang.pollution.enforcement.rewards;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 有奖举报统计: per category and district, how many claims were opened, are still open, were approved
 * (approved or paid), refused and paid, and the yuan approved and paid.
 */
public final class RewardStatistics {

    public record Row(String category, String districtCode, int opened, int open, int approved, int refused, int paid,
            BigDecimal approvedYuan, BigDecimal paidYuan) {

        Row plus(RewardClaim c) {
            boolean approvedOrPaid = c.state() == ClaimState.APPROVED || c.state() == ClaimState.PAID;
            BigDecimal amount = c.amountYuan() == null ? BigDecimal.ZERO : c.amountYuan();
            return new Row(category, districtCode, opened + 1, open + (c.state() == ClaimState.OPEN ? 1 : 0),
                    approved + (approvedOrPaid ? 1 : 0), refused + (c.state() == ClaimState.REFUSED ? 1 : 0),
                    paid + (c.state() == ClaimState.PAID ? 1 : 0),
                    approvedOrPaid ? approvedYuan.add(amount) : approvedYuan,
                    c.state() == ClaimState.PAID ? paidYuan.add(amount) : paidYuan);
        }
    }

    public static List<Row> of(Collection<RewardClaim> claims) {
        Map<String, Row> rows = new TreeMap<>();
        for (RewardClaim c : claims) {
            String district = c.districtCode() == null ? "" : c.districtCode();
            rows.merge(c.category() + "|" + district,
                    new Row(c.category(), district, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO).plus(c),
                    (a, b) -> a.plus(c));
        }
        return rows.values().stream().sorted(Comparator.comparing(Row::category).thenComparing(Row::districtCode)).toList();
    }

    private RewardStatistics() {
    }
}
