package cn.luoyang.pollution.notification.escalations;

/**
 * Whom an escalation names: a unit's leader (责任领导), a grid leader (网格长), the campaign office
 * (攻坚办) or the discipline office (纪委监委). The names match {@code CaseEscalated.level}.
 */
public enum Role {
    UNIT_LEADER, GRID_LEADER, CAMPAIGN_OFFICE, DISCIPLINE_OFFICE;

    /** Whether this role belongs to one unit (the offices are city-wide). */
    public boolean perUnit() {
        return this == UNIT_LEADER || this == GRID_LEADER;
    }
}
