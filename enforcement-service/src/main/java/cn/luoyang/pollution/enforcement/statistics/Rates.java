package cn.luoyang.pollution.enforcement.statistics;

/**
 * The three published rates, defined here once (and in the README in the same words). Each is a
 * share between 0 and 1, or null when its denominator is zero. The cohort is the set of
 * assignments (派单) a unit received in the period.
 */
public final class Rates {

    /** 响应率 response rate = assignments signed for (签收) by their sign deadline ÷ assignments received. */
    public static Double responseRate(int signedOnTime, int received) {
        return share(signedOnTime, received);
    }

    /**
     * 解决率 resolution rate = received cases closed and still closed at report time (the reporter
     * did not reject the reply, no re-inspection or supervisor reopened it) ÷ (received − returned).
     */
    public static Double resolutionRate(int resolved, int received, int returned) {
        return share(resolved, received - returned);
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
