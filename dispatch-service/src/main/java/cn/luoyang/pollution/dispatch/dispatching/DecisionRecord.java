package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import java.time.Instant;
import java.util.List;

/**
 * The stored decision on one complaint, keyed by complaint id: the natural key that makes a
 * redelivered ComplaintRegistered harmless. Holds the trace and the event that was published.
 */
public record DecisionRecord(
        String id,
        String trackingNumber,
        String category,
        GeoPoint location,
        String addressText,
        Instant reportedAt,
        Outcome outcome,
        String caseId,
        String reason,
        String detail,
        List<String> candidates,
        List<TraceStep> trace,
        CaseDispatched dispatched,
        ComplaintMerged merged,
        DispatchFailed failed,
        ManualAssignment assignment,
        Instant decidedAt) {

    public DecisionRecord assigned(ManualAssignment manual, CaseDispatched event) {
        return new DecisionRecord(id, trackingNumber, category, location, addressText, reportedAt, Outcome.ASSIGNED,
                event.caseId(), reason, detail, candidates, event.trace(), event, merged, failed, manual, decidedAt);
    }
}
