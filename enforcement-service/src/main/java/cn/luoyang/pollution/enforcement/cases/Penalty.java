package cn.luoyang.pollution.enforcement.cases;

import java.math.BigDecimal;

/** 行政处罚: a fine (罚款, amount in yuan), suspension of production (停产整治), closure (关停) or referral to the police (移送公安). */
public record Penalty(Kind kind, BigDecimal amountYuan, String decisionNumber) {

    public enum Kind { FINE, SUSPENSION, CLOSURE, POLICE_REFERRAL }

    public Penalty {
        if (kind == Kind.FINE && (amountYuan == null || amountYuan.signum() <= 0)) {
            throw new CaseRuleViolation("a fine needs a positive amount");
        }
    }
}
