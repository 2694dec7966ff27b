package cn.luoyang.pollution.contracts.cases;

/**
 * The clocks a case runs (enforcement-service's time limits); each stops when the action it waits for
 * happens. On the wire (a clock event's {@code clock}) as its name.
 */
public enum ClockName {
    /** 签收时限: sign for or return the case. */
    SIGN,
    /** 到场时限: start the on-site inspection. */
    ONSITE,
    /** 办结时限: close the case with a reply (capped by the 12369 limit). */
    CLOSE,
    /**
     * 整改期限: the polluter's deadline in a rectification order (限期整改), set by the order itself;
     * stops when rectification is recorded, a penalty is imposed or the case closes. When it passes, the
     * case gets an automatic re-inspection (到期复查, {@code RectificationCheck}).
     */
    RECTIFY
}
