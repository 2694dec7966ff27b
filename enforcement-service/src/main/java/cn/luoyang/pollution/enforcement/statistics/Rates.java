package cn.luoyang.pollution.enforcement.statistics;

/**
 * The three published rates, defined here once (and in the README in the same words). Each is a
 * share between 0 and 1, or null when its denominator is zero. The cohort is the set of
 * assignments (派单) a unit received in the period; the response and resolution rates count only
 * those already <em>due</em> at report time, so that a case whose deadline has not come is never
 * counted as a failure.
 */
public final class Rates {

    /**
     * 响应率 response rate = assignments signed for (签收) by their sign deadline ÷ assignments due to
     * be signed (signed, returned, or past the sign deadline at report time).
     */
    public static Double responseRate(int signedOnTime, int dueToSign) {
        return share(signedOnTime, dueToSign);
    }

    /**
     * 解决率 resolution rate = received cases closed and still closed at report time (the reporter
     * did not reject the reply, no re-inspection or supervisor reopened it) ÷ received assignments not
     * returned that are due to be closed (closed by the unit, or past the close deadline at report time).
     */
    public static Double resolutionRate(int resolved, int dueToClose) {
        return share(resolved, dueToClose);
    }

    /** 满意率 satisfaction rate = survey answers SATISFIED or BASICALLY_SATISFIED ÷ all survey answers. */
    public static Double satisfactionRate(int satisfied, int answers) {
        return share(satisfied, answers);
    }

    static Double share(int part, int whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    private Rates() {
    }
}
