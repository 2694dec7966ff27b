package cn.luoyang.pollution.enforcement.statistics;

/**
 * One row of the weekly report: a unit ({@code URBAN_MANAGEMENT@410305}) or a territory (district code).
 *
 * @param received      assignments received in the period (a case returned and re-routed counts once per unit)
 * @param signedOnTime  of those, signed for by the sign deadline
 * @param returned      of those, returned (退单)
 * @param closed        of those, closed by this unit by report time
 * @param closedOnTime  of the closed, closed by the close deadline (with approved extensions)
 * @param overdueNow    open cases of this unit with a clock past its deadline at report time (any period)
 * @param extended      received cases with an approved extension
 * @param resolved      closed and not reopened since
 * @param answers       survey answers about received cases
 * @param satisfied     of those, SATISFIED or BASICALLY_SATISFIED
 */
public record Figures(String key, int received, int signedOnTime, int returned, int closed, int closedOnTime,
        int overdueNow, int extended, int resolved, int answers, int satisfied,
        Double responseRate, Double resolutionRate, Double satisfactionRate) {

    static final String CSV_HEADER = "key,received,signed_on_time,returned,closed,closed_on_time,overdue_now,extended,"
            + "resolved,survey_answers,satisfied,response_rate,resolution_rate,satisfaction_rate";

    String csv() {
        return String.join(",", key, n(received), n(signedOnTime), n(returned), n(closed), n(closedOnTime), n(overdueNow),
                n(extended), n(resolved), n(answers), n(satisfied), r(responseRate), r(resolutionRate), r(satisfactionRate));
    }

    private static String n(int v) {
        return Integer.toString(v);
    }

    private static String r(Double v) {
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
