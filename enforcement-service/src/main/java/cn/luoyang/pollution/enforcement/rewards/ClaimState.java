package cn.luoyang.pollution.enforcement.rewards;

/** OPEN → APPROVED → PAID, or OPEN → REFUSED. */
public enum ClaimState { OPEN, APPROVED, REFUSED, PAID }
