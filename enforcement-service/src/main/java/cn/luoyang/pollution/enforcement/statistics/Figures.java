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
 * @param accountability what happened to the unit in the period (escalations, urges, arbitrations, failures)
 * @param dueToSign     received assignments due to be signed at report time (signed, returned, or past the
 *                      sign deadline): the response rate's denominator
 * @param dueToClose    received assignments not returned that are due to be closed at report time (closed by
 *                      this unit, or past the close deadline in force): the resolution rate's denominator
 * @param callbacks     callbacks (回访) by the hotline that ended in the period on cases this unit led at that
 *                      moment (the reporters SMS could not reach; notification-service's {@code callback.completed.v1})
 * @param callbacksReached of those, the ones that reached the reporter (survey answered, informed, or declined)
 */
public record Figures(String key, int received, int signedOnTime, int returned, int closed, int closedOnTime,
        int overdueNow, int extended, int resolved, int answers, int satisfied,
        Double responseRate, Double resolutionRate, Double satisfactionRate, Accountability accountability,
        int dueToSign, int dueToClose, int callbacks, int callbacksReached) {

    static final String CSV_HEADER = "key,received,signed_on_time,returned,closed,closed_on_time,overdue_now,extended,"
            + "resolved,survey_answers,satisfied,response_rate,resolution_rate,satisfaction_rate," + Accountability.CSV_HEADER
            + ",due_to_sign,due_to_close,callbacks,callbacks_reached";

    String csv() {
        return String.join(",", key, n(received), n(signedOnTime), n(returned), n(closed), n(closedOnTime), n(overdueNow),
                n(extended), n(resolved), n(answers), n(satisfied), r(responseRate), r(resolutionRate), r(satisfactionRate),
                accountability.csv(), n(dueToSign), n(dueToClose), n(callbacks), n(callbacksReached));
    }

    /**
     * 问责 figures: counted by when they happened in the period, against the unit leading the case at that
     * moment (or the case's district / township).
     *
     * @param escalatedToUnitLeader     clock escalations to the unit's leader (level 1)
     * @param escalatedToCampaignOffice escalations to the campaign office (攻坚办, level 2)
     * @param escalatedToDiscipline     escalations to the discipline office (纪委监委, level 3)
     * @param urges                     催办 by the campaign office, supervisors or the discipline office
     * @param returnsUpheld             of the period's returned assignments (the cohort), those the campaign office's
     *                                  arbitration sent to another unit by report time
     * @param returnsOverruled          of those, the ones arbitration sent back to the unit that returned them
     * @param reinspectionFailures      随机抽查 findings NOT_RESOLVED on cases this unit had closed (reopened)
     * @param rectificationsOverdue     rectification orders whose deadline passed unrectified (到期复查 opened)
     * @param rectificationChecksFailed 到期复查 findings NOT_RECTIFIED
     * @param extensionRequests         延期 requests made
     */
    public record Accountability(int escalatedToUnitLeader, int escalatedToCampaignOffice, int escalatedToDiscipline,
            int urges, int returnsUpheld, int returnsOverruled, int reinspectionFailures, int rectificationsOverdue,
            int rectificationChecksFailed, int extensionRequests) {

        static final String CSV_HEADER = "escalated_unit_leader,escalated_campaign_office,escalated_discipline_office,urges,"
                + "returns_upheld,returns_overruled,reinspection_failures,rectifications_overdue,rectification_checks_failed,"
                + "extension_requests";

        /** Escalations of every level. */
        public int escalations() {
            return escalatedToUnitLeader + escalatedToCampaignOffice + escalatedToDiscipline;
        }

        String csv() {
            return String.join(",", n(escalatedToUnitLeader), n(escalatedToCampaignOffice), n(escalatedToDiscipline), n(urges),
                    n(returnsUpheld), n(returnsOverruled), n(reinspectionFailures), n(rectificationsOverdue),
                    n(rectificationChecksFailed), n(extensionRequests));
        }
    }

    private static String n(int v) {
        return Integer.toString(v);
    }

    private static String r(Double v) {
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
