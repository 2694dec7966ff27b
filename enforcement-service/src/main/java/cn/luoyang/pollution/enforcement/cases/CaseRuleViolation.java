package cn.luoyang.pollution.enforcement.cases;

/** A verb the case's state or rules do not allow now (answered with HTTP 409). */
public class CaseRuleViolation extends RuntimeException {

    public CaseRuleViolation(String message) {
        super(message);
    }
}
