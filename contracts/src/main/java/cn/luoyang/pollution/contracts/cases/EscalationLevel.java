package cn.luoyang.pollution.contracts.cases;

/**
 * Whom an overdue case is escalated to (督办升级), in order: the unit's leader (责任领导), the campaign
 * office (攻坚办), the discipline office (纪委监委). On the wire as its name.
 */
public enum EscalationLevel {
    UNIT_LEADER, CAMPAIGN_OFFICE, DISCIPLINE_OFFICE;

    /** The level of the {@code n}-th escalation of a clock (1-based); past the last, the last. */
    public static EscalationLevel nth(int n) {
        EscalationLevel[] all = values();
        return all[Math.max(0, Math.min(n, all.length) - 1)];
    }
}
