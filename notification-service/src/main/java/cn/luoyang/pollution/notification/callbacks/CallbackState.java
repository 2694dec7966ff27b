package cn.luoyang.pollution.notification.callbacks;

import cn.luoyang.pollution.contracts.notification.CallbackOutcome;

/**
 * Where a callback task stands. OPEN (in the list, due from {@code notBefore}) → TAKEN (one
 * operator's) → ANSWERED (reached, survey answered), REACHED (reached and informed), REFUSED (the
 * reporter declined), or back to OPEN after a try that did not reach the reporter, and NOT_REACHED
 * after the last allowed try.
 */
public enum CallbackState {
    OPEN, TAKEN, ANSWERED, REACHED, REFUSED, NOT_REACHED;

    public boolean isFinal() {
        return this != OPEN && this != TAKEN;
    }

    /** How a task that ended in this state ended, as {@code CallbackCompleted} announces it. */
    public CallbackOutcome outcome() {
        return switch (this) {
            case ANSWERED -> CallbackOutcome.ANSWERED;
            case REACHED -> CallbackOutcome.REACHED;
            case REFUSED -> CallbackOutcome.REFUSED;
            case NOT_REACHED -> CallbackOutcome.NOT_REACHED;
            case OPEN, TAKEN -> throw new IllegalStateException("a callback task in " + this + " has not ended");
        };
    }
}
