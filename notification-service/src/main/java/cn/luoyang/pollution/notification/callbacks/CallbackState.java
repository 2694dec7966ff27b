package cn.luoyang.pollution.notification.callbacks;

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
}
