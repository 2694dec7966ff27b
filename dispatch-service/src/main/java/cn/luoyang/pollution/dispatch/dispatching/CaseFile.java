package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dispatch's file on a case: which complaints it holds, who returned it (退单), its routing
 * rounds and the last event published about it, kept so a redelivered input republishes the same
 * event instead of deciding twice.
 *
 * @param gcjLongitude the case's position in GCJ-02 (null when it was found by address only)
 * @param lastEventType {@code DISPATCHED} or {@code FAILED}: which of the last events was published last
 * @param version       the stored version this file was read at (0 for a new file); a write succeeds only on it
 */
public record CaseFile(
        String id,
        String openingComplaintId,
        String trackingNumber,
        String category,
        GeoPoint location,
        Double gcjLongitude,
        Double gcjLatitude,
        Instant reportedAt,
        Territory territory,
        String sourceId,
        List<String> complaintIds,
        CaseStatus status,
        List<String> returnedBy,
        int returns,
        int routingRound,
        CaseDispatched lastDispatch,
        DispatchFailed lastFailure,
        String lastEventType,
        List<String> processedEventIds,
        List<Arbitration> arbitrations,
        Instant updatedAt,
        long version) {

    public CaseFile {
        complaintIds = complaintIds == null ? List.of() : List.copyOf(complaintIds);
        returnedBy = returnedBy == null ? List.of() : List.copyOf(returnedBy);
        processedEventIds = processedEventIds == null ? List.of() : List.copyOf(processedEventIds);
        arbitrations = arbitrations == null ? List.of() : List.copyOf(arbitrations);
    }

    public CaseFile withComplaint(String complaintId, Instant now) {
        if (complaintIds.contains(complaintId)) {
            return this;
        }
        List<String> ids = new ArrayList<>(complaintIds);
        ids.add(complaintId);
        return new CaseFile(id, openingComplaintId, trackingNumber, category, location, gcjLongitude, gcjLatitude, reportedAt,
                territory, sourceId, ids, status, returnedBy, returns, routingRound, lastDispatch, lastFailure, lastEventType,
                processedEventIds, arbitrations, now, version);
    }

    public CaseFile withReturn(String department, String eventId, Instant now) {
        List<String> by = new ArrayList<>(returnedBy);
        if (department != null && !by.contains(department)) {
            by.add(department);
        }
        return new CaseFile(id, openingComplaintId, trackingNumber, category, location, gcjLongitude, gcjLatitude, reportedAt,
                territory, sourceId, complaintIds, status, by, returns + 1, routingRound, lastDispatch, lastFailure,
                lastEventType, processed(eventId), arbitrations, now, version);
    }

    public CaseFile dispatched(CaseDispatched event, Instant now) {
        return new CaseFile(id, openingComplaintId, trackingNumber, category, location, gcjLongitude, gcjLatitude, reportedAt,
                territory, sourceId, complaintIds, to(CaseStatus.OPEN), returnedBy, returns, event.routingRound(), event,
                lastFailure, "DISPATCHED", processedEventIds, arbitrations, now, version);
    }

    public CaseFile awaitingArbitration(DispatchFailed event, Instant now) {
        return new CaseFile(id, openingComplaintId, trackingNumber, category, location, gcjLongitude, gcjLatitude, reportedAt,
                territory, sourceId, complaintIds, to(CaseStatus.AWAITING_ARBITRATION), returnedBy, returns, routingRound,
                lastDispatch, event, "FAILED", processedEventIds, arbitrations, now, version);
    }

    public CaseFile arbitrated(Arbitration arbitration, CaseDispatched event, Instant now) {
        List<Arbitration> all = new ArrayList<>(arbitrations);
        all.add(arbitration);
        return new CaseFile(id, openingComplaintId, trackingNumber, category, location, gcjLongitude, gcjLatitude, reportedAt,
                territory, sourceId, complaintIds, to(CaseStatus.OPEN), returnedBy, returns, event.routingRound(), event,
                lastFailure, "DISPATCHED", processedEventIds, all, now, version);
    }

    public CaseFile closed(String eventId, Instant now) {
        return new CaseFile(id, openingComplaintId, trackingNumber, category, location, gcjLongitude, gcjLatitude, reportedAt,
                territory, sourceId, complaintIds, to(CaseStatus.CLOSED), returnedBy, returns, routingRound, lastDispatch,
                lastFailure, lastEventType, processed(eventId), arbitrations, now, version);
    }

    public CaseFile noted(String eventId, Instant now) {
        return new CaseFile(id, openingComplaintId, trackingNumber, category, location, gcjLongitude, gcjLatitude, reportedAt,
                territory, sourceId, complaintIds, status, returnedBy, returns, routingRound, lastDispatch,
                lastFailure, lastEventType, processed(eventId), arbitrations, now, version);
    }

    public boolean hasProcessed(String eventId) {
        return processedEventIds.contains(eventId);
    }

    private CaseStatus to(CaseStatus target) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("case " + id + " cannot go from " + status + " to " + target);
        }
        return target;
    }

    private List<String> processed(String eventId) {
        List<String> ids = new ArrayList<>(processedEventIds);
        if (eventId != null && !ids.contains(eventId)) {
            ids.add(eventId);
        }
        return ids;
    }
}
