package cn.luoyang.pollution.contracts.dispatch;

/** How urgent a case is (紧急程度); an URGENT case runs on the URGENT deadline profile. On the wire as its name. */
public enum Priority {
    /** 一般 */
    ROUTINE,
    /** 紧急 */
    URGENT
}
