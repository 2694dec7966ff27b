package cn.luoyang.pollution.contracts.notification;

/**
 * What a callback (回访) call came to, and so how a callback task ends. On the wire as its name.
 */
public enum CallbackOutcome {
    /** 已回访: the reporter was reached and answered the closure survey (with a {@link Satisfaction}). */
    ANSWERED,
    /** 已告知: the reporter was reached and told what the message would have said. */
    REACHED,
    /** 拒访: the reporter was reached and declined. */
    REFUSED,
    /** 未接通: the reporter could not be reached (a task ends so after its last allowed try). */
    NOT_REACHED;

    /** Whether the call reached the reporter (answered the survey, was informed, or declined). */
    public boolean reachedReporter() {
        return this != NOT_REACHED;
    }
}
