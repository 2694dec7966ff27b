package cn.luoyang.pollution.contracts.notification;

/** A reporter's answer to the closure survey (回访满意度). On the wire as its name. */
public enum Satisfaction {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意: enforcement reopens a closed case. */
    UNSATISFIED;

    /** Satisfied or basically satisfied: what the satisfaction rate counts. */
    public boolean satisfied() {
        return this != UNSATISFIED;
    }
}
