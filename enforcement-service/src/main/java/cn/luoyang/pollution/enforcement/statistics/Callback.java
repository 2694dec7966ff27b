package cn.luoyang.pollution.enforcement.statistics;

import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import java.time.Instant;

/**
 * A callback (回访) the hotline made to a reporter SMS could not reach, as notification-service reported
 * its end ({@code callback.completed.v1}): counted in the statistics against the unit leading the case
 * when it ended.
 *
 * @param caseId  null for a callback about a complaint not yet dispatched (REGISTERED): no unit to count it for
 */
public record Callback(String eventId, String caseId, String complaintId, String milestone, CallbackOutcome outcome,
        Instant at) {

    /** Whether the call reached the reporter (answered the survey, was informed, or declined). */
    public boolean reachedReporter() {
        return outcome.reachedReporter();
    }
}
