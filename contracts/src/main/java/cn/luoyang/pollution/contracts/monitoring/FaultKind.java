package cn.luoyang.pollution.contracts.monitoring;

/** What is wrong with a monitor: its readings are over a limit (超标), or it has gone silent (离线). */
public enum FaultKind {
    /** A rule's windowed average was over its limit for the rule's consecutive windows. */
    EXCEEDANCE,
    /** No reading for longer than the silence the rule allows. */
    OFFLINE
}
