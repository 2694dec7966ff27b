package cn.luoyang.pollution.kit.security;

import java.util.List;

/**
 * The roles of the platform, the same in every service and in every token ({@code role} claim). A
 * person has one role; a service account has {@link #SERVICE}.
 */
public final class Roles {

    /** 经办人: a department's case handler, scoped to one unit (department + territory). */
    public static final String HANDLER = "HANDLER";
    /** 网格员: on-site checks in one grid. */
    public static final String GRID_MEMBER = "GRID_MEMBER";
    /** 攻坚办: the campaign office — city-wide dispatch rules, registry, manual queue, arbitration. */
    public static final String CAMPAIGN_OFFICE = "CAMPAIGN_OFFICE";
    /** 督查: supervision; reads everything. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** 纪委监委: the discipline office; reads everything, receives escalations. */
    public static final String DISCIPLINE = "DISCIPLINE";
    /** 话务员: a hotline operator; reads SMS records and calls reporters back. */
    public static final String OPERATOR = "OPERATOR";
    public static final String ADMIN = "ADMIN";
    /** Another service of the platform calling on someone's behalf (the console calling dispatch). */
    public static final String SERVICE = "SERVICE";

    /** Every person who works cases: officers of the units and the offices above them. */
    public static final List<String> OFFICERS = List.of(HANDLER, GRID_MEMBER, CAMPAIGN_OFFICE, SUPERVISOR, DISCIPLINE, ADMIN);

    private Roles() {
    }
}
