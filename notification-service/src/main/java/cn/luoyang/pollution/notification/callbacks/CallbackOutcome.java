package cn.luoyang.pollution.notification.callbacks;

/** What an operator's call came to: ANSWERED (with a rating), REACHED, NOT_REACHED or REFUSED. */
public enum CallbackOutcome {
    ANSWERED, REACHED, NOT_REACHED, REFUSED
}
