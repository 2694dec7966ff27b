package cn.luoyang.pollution.enforcement;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Object mother for what dispatch-service publishes. */
public final class Dispatches {

    public static CaseDispatched routine(String caseId, String lead, String district, String... coHandlers) {
        return round(caseId, lead, district, 1, coHandlers);
    }

    public static CaseDispatched round(String caseId, String lead, String district, int round, String... coHandlers) {
        return new CaseDispatched("ev-" + caseId + "-r" + round, caseId, "cmp-" + caseId, caseId.replace("CASE-", ""),
                "AIR_CONSTRUCTION_DUST", new GeoPoint(112.39, 34.66, GeoPoint.Datum.WGS84),
                new Territory(district, "涧西区", district + "001", "天津路街道", null, district + "-0017", Territory.FoundBy.POLYGON),
                lead, List.of(coHandlers), Level.DISTRICT, Priority.ROUTINE, "STANDARD", null, "R-DUST-1", 3, round, false,
                List.of(new TraceStep("territory", "point in " + district + " polygon"),
                        new TraceStep("rule", "R-DUST-1 v3: construction dust → " + lead)),
                Instant.parse("2026-11-27T02:00:00Z"), CaseDispatched.VERSION);
    }

    /** A routine dispatch to the 涧西区 URBAN_MANAGEMENT unit of a case in grid {@code gridId}. */
    public static CaseDispatched inGrid(String caseId, String gridId) {
        CaseDispatched d = routine(caseId, "URBAN_MANAGEMENT", "410305");
        Territory t = d.territory();
        return new CaseDispatched(d.eventId(), d.caseId(), d.complaintId(), d.trackingNumber(), d.category(), d.location(),
                new Territory(t.districtCode(), t.districtName(), t.townshipCode(), t.townshipName(), t.villageName(), gridId,
                        t.foundBy()), d.leadDepartment(), d.coHandlingDepartments(), d.level(), d.priority(), d.deadlineProfile(),
                d.sourceId(), d.ruleId(), d.ruleVersion(), d.routingRound(), d.arbitrated(), d.trace(), d.occurredAt(),
                d.schemaVersion());
    }

    public static ComplaintMerged merged(String caseId, String complaintId) {
        return new ComplaintMerged(UUID.randomUUID().toString(), caseId, complaintId, "LY20261127-000099", 120.0, 30,
                Instant.parse("2026-11-27T03:00:00Z"), ComplaintMerged.VERSION);
    }

    private Dispatches() {
    }
}
