package cn.luoyang.pollution.dispatch.dispatching.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
import static cn.luoyang.pollution.kit.persistence.Fields.doubleOrNull;
import static cn.luoyang.pollution.kit.persistence.Fields.embed;
import static cn.luoyang.pollution.kit.persistence.Fields.embedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.embedded;
import static cn.luoyang.pollution.kit.persistence.Fields.embeddedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.enumOf;
import static cn.luoyang.pollution.kit.persistence.Fields.instant;
import static cn.luoyang.pollution.kit.persistence.Fields.intOf;
import static cn.luoyang.pollution.kit.persistence.Fields.name;
import static cn.luoyang.pollution.kit.persistence.Fields.strings;

import cn.luoyang.pollution.dispatch.dispatching.Arbitration;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.kit.persistence.Fields;
import cn.luoyang.pollution.kit.persistence.Versions;
import org.bson.Document;

/**
 * A case file as a document of {@code cases} and back, field by field ({@code _id} = case id). Its
 * {@code version} is the kit's {@link Versions}: read here, written only by the store's insert and
 * updates; a file stored before versions were kept has none and reads as version 0.
 */
final class CaseFileDocuments {

    private CaseFileDocuments() {
    }

    /** Every field but the version. */
    static Document document(CaseFile f) {
        return compact(new Document("_id", f.id()).append("openingComplaintId", f.openingComplaintId())
                .append("trackingNumber", f.trackingNumber()).append("category", f.category())
                .append("location", embed(f.location(), Fields::geoPoint))
                .append("gcjLongitude", f.gcjLongitude()).append("gcjLatitude", f.gcjLatitude())
                .append("reportedAt", date(f.reportedAt()))
                .append("territory", embed(f.territory(), DispatchEventDocuments::territory))
                .append("sourceId", f.sourceId()).append("complaintIds", f.complaintIds()).append("status", name(f.status()))
                .append("returnedBy", f.returnedBy()).append("returns", f.returns()).append("routingRound", f.routingRound())
                .append("lastDispatch", embed(f.lastDispatch(), DispatchEventDocuments::dispatched))
                .append("lastFailure", embed(f.lastFailure(), DispatchEventDocuments::failed))
                .append("lastEventType", f.lastEventType()).append("processedEventIds", f.processedEventIds())
                .append("arbitrations", embedAll(f.arbitrations(), CaseFileDocuments::arbitration))
                .append("updatedAt", date(f.updatedAt())));
    }

    static CaseFile caseFile(Document d) {
        return new CaseFile(d.getString("_id"), d.getString("openingComplaintId"), d.getString("trackingNumber"),
                d.getString("category"), embedded(d, "location", Fields::geoPoint), doubleOrNull(d, "gcjLongitude"),
                doubleOrNull(d, "gcjLatitude"), instant(d, "reportedAt"), embedded(d, "territory", DispatchEventDocuments::territory),
                d.getString("sourceId"), strings(d, "complaintIds"), enumOf(CaseStatus.class, d, "status"),
                strings(d, "returnedBy"), intOf(d, "returns"), intOf(d, "routingRound"),
                embedded(d, "lastDispatch", DispatchEventDocuments::dispatched),
                embedded(d, "lastFailure", DispatchEventDocuments::failed), d.getString("lastEventType"),
                strings(d, "processedEventIds"), embeddedAll(d, "arbitrations", CaseFileDocuments::arbitration),
                instant(d, "updatedAt"), Fields.longOf(d, Versions.FIELD));
    }

    private static Document arbitration(Arbitration a) {
        return compact(new Document("leadDepartment", a.leadDepartment()).append("coHandlingDepartments", a.coHandlingDepartments())
                .append("level", a.level()).append("priority", a.priority()).append("deadlineProfile", a.deadlineProfile())
                .append("decidedBy", a.decidedBy()).append("reason", a.reason()).append("decidedAt", date(a.decidedAt())));
    }

    private static Arbitration arbitration(Document d) {
        return new Arbitration(d.getString("leadDepartment"), strings(d, "coHandlingDepartments"), d.getString("level"),
                d.getString("priority"), d.getString("deadlineProfile"), d.getString("decidedBy"), d.getString("reason"),
                instant(d, "decidedAt"));
    }
}
