package cn.luoyang.pollution.notification.sending;

/**
 * Counts messages that ended with an unknown outcome (结果不明): the carrier may or may not have
 * them, so they are not retried. Operators watch this number; each such message is also listed.
 */
@FunctionalInterface
public interface UnknownOutcomes {

    /** Why the outcome is unknown. */
    enum Cause {
        /** The gateway timed out or failed after the request left (5xx, no answer). */
        GATEWAY,
        /** The hand-over had begun when the sender stopped (a crash); its lease ran out with no outcome. */
        INTERRUPTED_HAND_OVER
    }

    void counted(Cause cause);

    static UnknownOutcomes none() {
        return cause -> { };
    }
}
