package cn.luoyang.pollution.dispatch.dispatching.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
import static cn.luoyang.pollution.kit.persistence.Fields.embed;
import static cn.luoyang.pollution.kit.persistence.Fields.embedded;
import static cn.luoyang.pollution.kit.persistence.Fields.enumOf;
import static cn.luoyang.pollution.kit.persistence.Fields.instant;
import static cn.luoyang.pollution.kit.persistence.Fields.name;
import static cn.luoyang.pollution.kit.persistence.Fields.strings;

import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.kit.persistence.Fields;
import org.bson.Document;

/** A decision as a document of {@code decisions} and back, field by field ({@code _id} = complaint id). */
final class DecisionDocuments {

    private DecisionDocuments() {
    }

    static Document document(DecisionRecord r) {
        return compact(new Document("_id", r.id()).append("trackingNumber", r.trackingNumber()).append("category", r.category())
                .append("location", embed(r.location(), Fields::geoPoint)).append("addressText", r.addressText())
                .append("reportedAt", date(r.reportedAt())).append("outcome", name(r.outcome())).append("caseId", r.caseId())
                .append("reason", r.reason()).append("detail", r.detail()).append("candidates", r.candidates())
                .append("trace", DispatchEventDocuments.trace(r.trace()))
                .append("dispatched", embed(r.dispatched(), DispatchEventDocuments::dispatched))
                .append("merged", embed(r.merged(), DispatchEventDocuments::merged))
                .append("failed", embed(r.failed(), DispatchEventDocuments::failed))
                .append("assignment", embed(r.assignment(), DecisionDocuments::assignment))
                .append("decidedAt", date(r.decidedAt())));
    }

    static DecisionRecord decision(Document d) {
        return new DecisionRecord(d.getString("_id"), d.getString("trackingNumber"), d.getString("category"),
                embedded(d, "location", Fields::geoPoint), d.getString("addressText"), instant(d, "reportedAt"),
                enumOf(Outcome.class, d, "outcome"), d.getString("caseId"), d.getString("reason"), d.getString("detail"),
                strings(d, "candidates"), DispatchEventDocuments.trace(d),
                embedded(d, "dispatched", DispatchEventDocuments::dispatched), embedded(d, "merged", DispatchEventDocuments::merged),
                embedded(d, "failed", DispatchEventDocuments::failed), embedded(d, "assignment", DecisionDocuments::assignment),
                instant(d, "decidedAt"));
    }

    private static Document assignment(ManualAssignment a) {
        return compact(new Document("districtCode", a.districtCode()).append("townshipCode", a.townshipCode())
                .append("gridId", a.gridId()).append("leadDepartment", a.leadDepartment())
                .append("coHandlingDepartments", a.coHandlingDepartments()).append("level", a.level())
                .append("priority", a.priority()).append("deadlineProfile", a.deadlineProfile())
                .append("assignedBy", a.assignedBy()).append("note", a.note()));
    }

    private static ManualAssignment assignment(Document d) {
        return new ManualAssignment(d.getString("districtCode"), d.getString("townshipCode"), d.getString("gridId"),
                d.getString("leadDepartment"), strings(d, "coHandlingDepartments"), d.getString("level"), d.getString("priority"),
                d.getString("deadlineProfile"), d.getString("assignedBy"), d.getString("note"));
    }
}
