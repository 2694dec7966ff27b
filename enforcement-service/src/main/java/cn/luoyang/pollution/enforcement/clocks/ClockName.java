package cn.luoyang.pollution.enforcement.clocks;

/** The clocks a case runs; each stops when the action it waits for happens. */
public enum ClockName {
    /** 签收时限: sign for or return the case. */
    SIGN,
    /** 到场时限: start the on-site inspection. */
    ONSITE,
    /** 办结时限: close the case with a reply (capped by the 12369 limit). */
    CLOSE
}
