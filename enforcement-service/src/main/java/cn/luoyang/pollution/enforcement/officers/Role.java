package cn.luoyang.pollution.enforcement.officers;

/** What a signed-in person may do. */
public enum Role {
    /** A department's case handler (经办人), scoped to one unit: department + territory. */
    HANDLER,
    /** 网格员: on-site checks in one grid. */
    GRID_MEMBER,
    /** 攻坚办: city-wide dispatch, arbitration, supervision. */
    CAMPAIGN_OFFICE,
    /** 督查: reads everything, approves extensions, lists and urges, reopens. */
    SUPERVISOR,
    /** 纪委监委: reads everything, receives escalations. */
    DISCIPLINE,
    /** 话务员: a hotline operator; works no case, only the callback worklist (回访) of the console. */
    OPERATOR,
    ADMIN;

    public boolean readsAll() {
        return this == CAMPAIGN_OFFICE || this == SUPERVISOR || this == DISCIPLINE || this == ADMIN;
    }
}
