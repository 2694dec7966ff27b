package cn.luoyang.pollution.notification.messages;

/**
 * The points in a report's life at which its reporter hears from the city (事事有回音).
 * REGISTERED belongs to the complaint; the others to the case the complaint became or joined.
 */
public enum Milestone {
    /** 受理: the report was taken in, with its tracking number. */
    REGISTERED,
    /** 派单: the case went to a department (also told to a co-reporter whose complaint merged into it). */
    DISPATCHED,
    /** 签收: the department signed for the case; off by default (the city chooses). */
    ACCEPTED,
    /** 延期: an approved extension, with the reason. */
    EXTENDED,
    /** 办结: the reply summary and the satisfaction survey question (回访). */
    CLOSED,
    /** 重办: the case was reopened, with the reason. */
    REOPENED,
    /** 临期提醒: to a unit's leader in the escalation directory, before a clock's deadline. */
    REMINDER,
    /** 超期: to a unit's leader, a clock's deadline passed. */
    OVERDUE,
    /** 督办升级: to the people an escalation level names (unit leader, 攻坚办, 纪委监委). */
    ESCALATED,
    /** 每日超期汇总: to a unit's leader, once a day, the unit's overdue open cases. */
    DIGEST,
    /** 有奖举报·申领: the report was substantiated; the claim code and the most the rule allows. */
    REWARD_OPENED,
    /** 有奖举报·批准: the campaign office approved the reward, with its amount. */
    REWARD_APPROVED,
    /** 有奖举报·不予奖励: the claim was refused, with the reason. */
    REWARD_REFUSED,
    /** 有奖举报·已发放: the reward was paid. */
    REWARD_PAID,
    /**
     * 在线监测告知: to the responsible person of a site whose online monitor opened a case (over the limit or
     * offline), once per case; a monitor's case has no reporter to tell.
     */
    SITE_ALERT
}
