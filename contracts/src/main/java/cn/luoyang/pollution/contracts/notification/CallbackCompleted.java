package cn.luoyang.pollution.contracts.notification;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * A callback (回访) the hotline owed a reporter SMS could not reach has ended: the operator's last
 * call answered the survey, reached or was refused by the reporter, or the last allowed try did not
 * reach them. Counted per unit in enforcement's statistics. Key: complaint id. One event per task.
 *
 * @param taskId    the callback task (one per milestone message)
 * @param caseId    the case the milestone belongs to; null for a REGISTERED callback made before dispatch
 * @param milestone the milestone SMS could not carry: REGISTERED, CLOSED, REWARD_OPENED, REWARD_APPROVED, REWARD_REFUSED
 * @param outcome   ANSWERED (with {@code rating}), REACHED, REFUSED or NOT_REACHED; on the wire as its name
 * @param tries     calls made, the last included
 * @param rating    the survey answer when ANSWERED, else null; on the wire as its name
 */
public record CallbackCompleted(
        String eventId,
        String taskId,
        String caseId,
        String complaintId,
        String milestone,
        CallbackOutcome outcome,
        int tries,
        Satisfaction rating,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
