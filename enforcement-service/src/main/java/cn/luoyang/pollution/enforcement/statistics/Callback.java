package cn.luoyang.pollution.enforcement.statistics;

import java.time.Instant;
import java.util.Set;

/**
 * A callback (回访) the hotline made to a reporter SMS could not reach, as notification-service reported
 * its end ({@code callback.completed.v1}): counted in the statistics against the unit leading the case
 * when it ended.
 *
 * @param caseId  null for a callback about a complaint not yet dispatched (REGISTERED): no unit to count it for
 * @param outcome ANSWERED, REACHED, REFUSED or NOT_REACHED
 */
public record Callback(String eventId, String caseId, String complaintId, String milestone, String outcome, Instant at) {

    /** The outcomes notification-service reports. */
    public static final Set<String> OUTCOMES = Set.of("ANSWERED", "REACHED", "REFUSED", "NOT_REACHED");

    /** Whether the call reached the reporter (answered the survey, was informed, or declined). */
    public boolean reachedReporter() {
        return !"NOT_REACHED".equals(outcome);
    }
}
