package cn.luoyang.pollution.dispatch.dispatching.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.bool;
import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
import static cn.luoyang.pollution.kit.persistence.Fields.doubleOf;
import static cn.luoyang.pollution.kit.persistence.Fields.embed;
import static cn.luoyang.pollution.kit.persistence.Fields.embedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.embedded;
import static cn.luoyang.pollution.kit.persistence.Fields.embeddedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.enumOf;
import static cn.luoyang.pollution.kit.persistence.Fields.instant;
import static cn.luoyang.pollution.kit.persistence.Fields.intOf;
import static cn.luoyang.pollution.kit.persistence.Fields.longOf;
import static cn.luoyang.pollution.kit.persistence.Fields.name;
import static cn.luoyang.pollution.kit.persistence.Fields.strings;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.dispatch.SiteContact;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.kit.persistence.Fields;
import java.util.List;
import org.bson.Document;

/**
 * Dispatch's events and their parts as embedded documents, field by field: a decision and a case
 * file keep the events they published ({@code dispatched}, {@code failed}, {@code merged},
 * {@code lastDispatch}, {@code lastFailure}), so a redelivery republishes the same event. Field names
 * are the records' component names, as they have always been stored.
 */
public final class DispatchEventDocuments {

    private DispatchEventDocuments() {
    }

    static Document dispatched(CaseDispatched e) {
        return compact(new Document("eventId", e.eventId()).append("caseId", e.caseId()).append("complaintId", e.complaintId())
                .append("trackingNumber", e.trackingNumber()).append("category", e.category())
                .append("location", embed(e.location(), Fields::geoPoint))
                .append("territory", embed(e.territory(), DispatchEventDocuments::territory))
                .append("gridTeam", embed(e.gridTeam(), DispatchEventDocuments::gridTeam))
                .append("leadDepartment", e.leadDepartment()).append("coHandlingDepartments", e.coHandlingDepartments())
                .append("level", name(e.level())).append("priority", name(e.priority())).append("deadlineProfile", e.deadlineProfile())
                .append("sourceId", e.sourceId()).append("ruleId", e.ruleId()).append("ruleVersion", e.ruleVersion())
                .append("routingRound", e.routingRound()).append("arbitrated", e.arbitrated())
                .append("trace", trace(e.trace())).append("occurredAt", date(e.occurredAt()))
                .append("schemaVersion", e.schemaVersion())
                .append("siteContact", embed(e.siteContact(), DispatchEventDocuments::siteContact)));
    }

    static CaseDispatched dispatched(Document d) {
        return new CaseDispatched(d.getString("eventId"), d.getString("caseId"), d.getString("complaintId"),
                d.getString("trackingNumber"), d.getString("category"), embedded(d, "location", Fields::geoPoint),
                embedded(d, "territory", DispatchEventDocuments::territory),
                embedded(d, "gridTeam", DispatchEventDocuments::gridTeam), d.getString("leadDepartment"),
                strings(d, "coHandlingDepartments"), enumOf(Level.class, d, "level"), enumOf(Priority.class, d, "priority"),
                d.getString("deadlineProfile"), d.getString("sourceId"), d.getString("ruleId"), intOf(d, "ruleVersion"),
                intOf(d, "routingRound"), bool(d, "arbitrated"), trace(d), instant(d, "occurredAt"), intOf(d, "schemaVersion"),
                embedded(d, "siteContact", DispatchEventDocuments::siteContact));
    }

    /** A monitor site's responsible person as the event carries it: the mobile sealed and masked, never in plaintext. */
    static Document siteContact(SiteContact c) {
        return compact(new Document("siteName", c.siteName()).append("person", c.person())
                .append("sealedMobile", c.sealedMobile()).append("maskedMobile", c.maskedMobile()).append("mn", c.mn())
                .append("faultKind", name(c.faultKind())).append("factor", c.factor()));
    }

    static SiteContact siteContact(Document d) {
        return new SiteContact(d.getString("siteName"), d.getString("person"), d.getString("sealedMobile"),
                d.getString("maskedMobile"), d.getString("mn"), enumOf(FaultKind.class, d, "faultKind"), d.getString("factor"));
    }

    static Document failed(DispatchFailed e) {
        return compact(new Document("eventId", e.eventId()).append("complaintId", e.complaintId())
                .append("trackingNumber", e.trackingNumber()).append("caseId", e.caseId()).append("reason", e.reason())
                .append("detail", e.detail()).append("candidates", e.candidates()).append("trace", trace(e.trace()))
                .append("occurredAt", date(e.occurredAt())).append("schemaVersion", e.schemaVersion()));
    }

    static DispatchFailed failed(Document d) {
        return new DispatchFailed(d.getString("eventId"), d.getString("complaintId"), d.getString("trackingNumber"),
                d.getString("caseId"), d.getString("reason"), d.getString("detail"), strings(d, "candidates"), trace(d),
                instant(d, "occurredAt"), intOf(d, "schemaVersion"));
    }

    static Document merged(ComplaintMerged e) {
        return compact(new Document("eventId", e.eventId()).append("caseId", e.caseId()).append("complaintId", e.complaintId())
                .append("trackingNumber", e.trackingNumber()).append("distanceMetres", e.distanceMetres())
                .append("minutesApart", e.minutesApart()).append("occurredAt", date(e.occurredAt()))
                .append("schemaVersion", e.schemaVersion()));
    }

    static ComplaintMerged merged(Document d) {
        return new ComplaintMerged(d.getString("eventId"), d.getString("caseId"), d.getString("complaintId"),
                d.getString("trackingNumber"), doubleOf(d, "distanceMetres"), longOf(d, "minutesApart"), instant(d, "occurredAt"),
                intOf(d, "schemaVersion"));
    }

    static Document territory(Territory t) {
        return compact(new Document("districtCode", t.districtCode()).append("districtName", t.districtName())
                .append("townshipCode", t.townshipCode()).append("townshipName", t.townshipName())
                .append("villageName", t.villageName()).append("gridId", t.gridId()).append("foundBy", name(t.foundBy())));
    }

    static Territory territory(Document d) {
        return new Territory(d.getString("districtCode"), d.getString("districtName"), d.getString("townshipCode"),
                d.getString("townshipName"), d.getString("villageName"), d.getString("gridId"),
                enumOf(Territory.FoundBy.class, d, "foundBy"));
    }

    static List<Document> trace(List<TraceStep> steps) {
        return embedAll(steps, s -> compact(new Document("step", s.step()).append("detail", s.detail())));
    }

    /** The {@code trace} array of {@code d}. */
    static List<TraceStep> trace(Document d) {
        return embeddedAll(d, "trace", s -> new TraceStep(s.getString("step"), s.getString("detail")));
    }

    /** A grid's team, also as the grid roster stores it. */
    public static Document gridTeam(GridTeam t) {
        return compact(new Document("gridId", t.gridId()).append("leader", embed(t.leader(), DispatchEventDocuments::member))
                .append("members", embedAll(t.members(), DispatchEventDocuments::member)));
    }

    public static GridTeam gridTeam(Document d) {
        return new GridTeam(d.getString("gridId"), embedded(d, "leader", DispatchEventDocuments::member),
                embeddedAll(d, "members", DispatchEventDocuments::member));
    }

    private static Document member(GridTeam.Member m) {
        return compact(new Document("userId", m.userId()).append("name", m.name()));
    }

    private static GridTeam.Member member(Document d) {
        return new GridTeam.Member(d.getString("userId"), d.getString("name"));
    }
}
