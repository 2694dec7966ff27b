package cn.luoyang.pollution.complaint.support;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What dispatch-service and enforcement-service publish, built the way they build it. */
public final class CaseEvents {

    private static final Actor HANDLER = new Actor("zhang.wei", "HANDLER", "HOUSING_CONSTRUCTION@410305");

    public static CaseDispatched dispatched(String caseId, String complaintId, String trackingNumber, String department,
                                            int round, Instant at) {
        return new CaseDispatched(id(), caseId, complaintId, trackingNumber, "AIR_CONSTRUCTION_DUST",
                new GeoPoint(112.384, 34.6197, GeoPoint.Datum.WGS84),
                new Territory("410305", "涧西区", null, null, null, null, Territory.FoundBy.POLYGON), department,
                List.of("ECOLOGY_ENVIRONMENT"), Level.DISTRICT, Priority.ROUTINE, "STANDARD", null, "R-DUST-1", 1, round, false,
                List.of(), at, CaseDispatched.VERSION);
    }

    public static ComplaintMerged merged(String caseId, String complaintId, String trackingNumber, Instant at) {
        return new ComplaintMerged(id(), caseId, complaintId, trackingNumber, 120.0, 35, at, ComplaintMerged.VERSION);
    }

    public static DispatchFailed failed(String complaintId, String trackingNumber, Instant at) {
        return new DispatchFailed(id(), complaintId, trackingNumber, null, "NO_TERRITORY", "address names no district",
                List.of(), List.of(), at, DispatchFailed.VERSION);
    }

    public static CaseAccepted accepted(String caseId, String department, Instant at) {
        return new CaseAccepted(id(), caseId, department, HANDLER, at, CaseAccepted.VERSION);
    }

    public static CaseClosed closed(String caseId, String reply, List<String> complaintIds, Instant at) {
        return new CaseClosed(id(), caseId, "RECTIFIED", reply, complaintIds, HANDLER, at, CaseClosed.VERSION);
    }

    public static CaseReopened reopened(String caseId, Instant at) {
        return new CaseReopened(id(), caseId, "REPORTER_UNSATISFIED", "扬尘依旧", at.plusSeconds(86400 * 5), HANDLER, at,
                CaseReopened.VERSION);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private CaseEvents() {
    }
}
