package cn.luoyang.pollution.enforcement.rewards;

import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;

/** A decided or paid claim was asked to be decided again, or paid before approval: 409. */
public class ClaimDecided extends CaseRuleViolation {

    public ClaimDecided(String message) {
        super(message);
    }
}
