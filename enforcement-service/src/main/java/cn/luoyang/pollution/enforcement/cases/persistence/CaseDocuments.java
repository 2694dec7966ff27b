package cn.luoyang.pollution.enforcement.cases.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.bool;
import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
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

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.cases.Assignment;
import cn.luoyang.pollution.enforcement.cases.CaseSnapshot;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.CheckDue;
import cn.luoyang.pollution.enforcement.cases.Closure;
import cn.luoyang.pollution.enforcement.cases.ClosureProposal;
import cn.luoyang.pollution.enforcement.cases.ClosureRequest;
import cn.luoyang.pollution.enforcement.cases.Contribution;
import cn.luoyang.pollution.enforcement.cases.Decision;
import cn.luoyang.pollution.enforcement.cases.Evidence;
import cn.luoyang.pollution.enforcement.cases.EvidenceFile;
import cn.luoyang.pollution.enforcement.cases.Extension;
import cn.luoyang.pollution.enforcement.cases.ExtensionRequest;
import cn.luoyang.pollution.enforcement.cases.Feedback;
import cn.luoyang.pollution.enforcement.cases.FileKind;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.InspectionRecord;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.cases.RectificationCheck;
import cn.luoyang.pollution.enforcement.cases.RectificationFinding;
import cn.luoyang.pollution.enforcement.cases.Reinspection;
import cn.luoyang.pollution.enforcement.cases.ReinspectionDraw;
import cn.luoyang.pollution.enforcement.cases.ReinspectionFinding;
import cn.luoyang.pollution.enforcement.cases.RoutingRound;
import cn.luoyang.pollution.enforcement.cases.SignOff;
import cn.luoyang.pollution.enforcement.cases.Unit;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import cn.luoyang.pollution.enforcement.clocks.Timer;
import cn.luoyang.pollution.kit.persistence.Fields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * A case ({@link CaseSnapshot}) and its {@code cases} document, field by field, both ways. The shape is
 * the one the store has always written (field names of the domain, an instant as a BSON date, an enum
 * by its name, a null as no field), so every stored case loads; {@code CaseDocumentsTest} pins it against
 * a document in that shape. The store adds {@code version} and the outbox.
 */
final class CaseDocuments {

    private CaseDocuments() {
    }

    static Document write(CaseSnapshot c) {
        Document clocks = compact(new Document("running", embedAll(c.clocks(), CaseDocuments::clock))
                .append("nextDueAt", date(c.nextDueAt())));
        return compact(new Document("_id", c.id())
                .append("trackingNumber", c.trackingNumber())
                .append("complaintIds", c.complaintIds())
                .append("category", c.category())
                .append("location", embed(c.location(), Fields::geoPoint))
                .append("territory", embed(c.territory(), CaseDocuments::territory))
                .append("gridTeam", embed(c.gridTeam(), CaseDocuments::gridTeam))
                .append("sourceId", c.sourceId())
                .append("level", name(c.level()))
                .append("priority", name(c.priority()))
                .append("deadlineProfile", c.deadlineProfile())
                .append("routingRound", c.routingRound())
                .append("arbitrated", c.arbitrated())
                .append("dispatchTrace", embedAll(c.dispatchTrace(), t -> compact(new Document("step", t.step())
                        .append("detail", t.detail()))))
                .append("lead", embed(c.lead(), CaseDocuments::unit))
                .append("coHandlers", embedAll(c.coHandlers(), CaseDocuments::unit))
                .append("state", name(c.state()))
                .append("openedAt", date(c.openedAt()))
                .append("assignments", embedAll(c.assignments(), CaseDocuments::assignment))
                .append("returnCount", c.returnCount())
                .append("inspectorId", c.inspectorId())
                .append("rectificationDeadline", date(c.rectificationDeadline()))
                .append("rectificationChecks", embedAll(c.rectificationChecks(), CaseDocuments::rectificationCheck))
                .append("penalty", embed(c.penalty(), CaseDocuments::penalty))
                .append("closures", embedAll(c.closures(), CaseDocuments::closure))
                .append("closureRequests", embedAll(c.closureRequests(), CaseDocuments::closureRequest))
                .append("contributions", embedAll(c.contributions(), CaseDocuments::contribution))
                .append("extensions", embedAll(c.extensions(), CaseDocuments::extension))
                .append("listedForSupervision", c.listedForSupervision())
                .append("urgeCount", c.urgeCount())
                .append("reinspection", embed(c.reinspection(), CaseDocuments::reinspection))
                .append("feedback", embedAll(c.feedback(), CaseDocuments::feedback))
                .append("reopenCount", c.reopenCount())
                .append("clocks", clocks)
                .append("history", embedAll(c.history(), CaseDocuments::history))
                .append("processedEvents", new ArrayList<>(c.processedEvents())));
    }

    static CaseSnapshot read(Document d) {
        Document clocks = d.get("clocks", Document.class);
        List<String> processed = strings(d, "processedEvents");
        return new CaseSnapshot(d.getString("_id"), longOf(d, "version"), d.getString("trackingNumber"),
                strings(d, "complaintIds"), d.getString("category"), embedded(d, "location", Fields::geoPoint),
                embedded(d, "territory", CaseDocuments::territory), embedded(d, "gridTeam", CaseDocuments::gridTeam),
                d.getString("sourceId"), enumOf(Level.class, d, "level"), enumOf(Priority.class, d, "priority"),
                d.getString("deadlineProfile"), intOf(d, "routingRound"), bool(d, "arbitrated"),
                embeddedAll(d, "dispatchTrace", t -> new TraceStep(t.getString("step"), t.getString("detail"))),
                embedded(d, "lead", CaseDocuments::unit), embeddedAll(d, "coHandlers", CaseDocuments::unit),
                enumOf(CaseState.class, d, "state"), instant(d, "openedAt"),
                embeddedAll(d, "assignments", CaseDocuments::assignment), intOf(d, "returnCount"), d.getString("inspectorId"),
                instant(d, "rectificationDeadline"), embeddedAll(d, "rectificationChecks", CaseDocuments::rectificationCheck),
                embedded(d, "penalty", CaseDocuments::penalty), embeddedAll(d, "closures", CaseDocuments::closure),
                embeddedAll(d, "closureRequests", CaseDocuments::closureRequest),
                embeddedAll(d, "contributions", CaseDocuments::contribution),
                embeddedAll(d, "extensions", CaseDocuments::extension), bool(d, "listedForSupervision"),
                intOf(d, "urgeCount"), embedded(d, "reinspection", CaseDocuments::reinspection),
                embeddedAll(d, "feedback", CaseDocuments::feedback), intOf(d, "reopenCount"),
                clocks == null ? null : embeddedAll(clocks, "running", CaseDocuments::clock),
                clocks == null ? null : instant(clocks, "nextDueAt"), embeddedAll(d, "history", CaseDocuments::history),
                processed == null ? null : new LinkedHashSet<>(processed));
    }

    // --- one history entry: the store also $pushes these one by one -------------------------------

    static Document history(HistoryEntry h) {
        return compact(new Document("seq", h.seq()).append("action", h.action()).append("fromState", name(h.fromState()))
                .append("toState", name(h.toState())).append("actor", embed(h.actor(), CaseDocuments::actor))
                .append("at", date(h.at())).append("evidence", h.evidence()).append("note", h.note())
                .append("eventId", h.eventId()).append("previousHash", h.previousHash()).append("hash", h.hash()));
    }

    private static HistoryEntry history(Document d) {
        return new HistoryEntry(intOf(d, "seq"), d.getString("action"), enumOf(CaseState.class, d, "fromState"),
                enumOf(CaseState.class, d, "toState"), embedded(d, "actor", CaseDocuments::actor), instant(d, "at"),
                strings(d, "evidence"), d.getString("note"), d.getString("eventId"), d.getString("previousHash"),
                d.getString("hash"));
    }

    // --- the values a case holds -------------------------------------------------------------------

    private static Document actor(Actor a) {
        return compact(new Document("userId", a.userId()).append("role", a.role()).append("unit", a.unit()));
    }

    private static Actor actor(Document d) {
        return new Actor(d.getString("userId"), d.getString("role"), d.getString("unit"));
    }

    private static Document unit(Unit u) {
        return compact(new Document("department", u.department()).append("territory", u.territory()));
    }

    private static Unit unit(Document d) {
        return new Unit(d.getString("department"), d.getString("territory"));
    }

    private static Document territory(Territory t) {
        return compact(new Document("districtCode", t.districtCode()).append("districtName", t.districtName())
                .append("townshipCode", t.townshipCode()).append("townshipName", t.townshipName())
                .append("villageName", t.villageName()).append("gridId", t.gridId()).append("foundBy", name(t.foundBy())));
    }

    private static Territory territory(Document d) {
        return new Territory(d.getString("districtCode"), d.getString("districtName"), d.getString("townshipCode"),
                d.getString("townshipName"), d.getString("villageName"), d.getString("gridId"),
                enumOf(Territory.FoundBy.class, d, "foundBy"));
    }

    private static Document gridTeam(GridTeam g) {
        return compact(new Document("gridId", g.gridId()).append("leader", embed(g.leader(), CaseDocuments::member))
                .append("members", embedAll(g.members(), CaseDocuments::member)));
    }

    private static GridTeam gridTeam(Document d) {
        return new GridTeam(d.getString("gridId"), embedded(d, "leader", CaseDocuments::member),
                embeddedAll(d, "members", CaseDocuments::member));
    }

    private static Document member(GridTeam.Member m) {
        return compact(new Document("userId", m.userId()).append("name", m.name()));
    }

    private static GridTeam.Member member(Document d) {
        return new GridTeam.Member(d.getString("userId"), d.getString("name"));
    }

    /** A round's sign-off as stored: the time under {@code acceptedAt} or {@code returnedAt}, both absent while it waits. */
    private static Document assignment(Assignment a) {
        RoutingRound r = a.round();
        SignOff s = a.signOff();
        return compact(new Document("round", r.number()).append("lead", embed(r.lead(), CaseDocuments::unit))
                .append("coHandlers", embedAll(r.coHandlers(), CaseDocuments::unit)).append("assignedAt", date(r.assignedAt()))
                .append("signDeadline", date(r.signDeadline()))
                .append("acceptedAt", s != null && s.answer() == SignOff.Answer.ACCEPTED ? date(s.at()) : null)
                .append("returnedAt", s != null && s.answer() == SignOff.Answer.RETURNED ? date(s.at()) : null)
                .append("arbitrated", r.arbitrated()));
    }

    private static Assignment assignment(Document d) {
        RoutingRound round = new RoutingRound(intOf(d, "round"), embedded(d, "lead", CaseDocuments::unit),
                embeddedAll(d, "coHandlers", CaseDocuments::unit), instant(d, "assignedAt"), instant(d, "signDeadline"),
                d.getBoolean("arbitrated"));
        Instant accepted = instant(d, "acceptedAt");
        Instant returned = instant(d, "returnedAt");
        SignOff signOff = accepted != null ? new SignOff(SignOff.Answer.ACCEPTED, accepted)
                : returned != null ? new SignOff(SignOff.Answer.RETURNED, returned) : null;
        return new Assignment(round, signOff);
    }

    /** A check's finding as stored: one of these, absent while the check waits. */
    private static final String RECTIFIED = "RECTIFIED";
    private static final String NOT_RECTIFIED = "NOT_RECTIFIED";

    private static Document rectificationCheck(RectificationCheck r) {
        CheckDue due = r.due();
        RectificationFinding found = r.finding();
        boolean waiting = found == null;
        return compact(new Document("order", due.order()).append("deadline", date(due.deadline()))
                .append("dueSince", date(due.dueSince())).append("unit", embed(due.unit(), CaseDocuments::unit))
                .append("gridId", due.gridId()).append("finding", waiting ? null : found.rectified() ? RECTIFIED : NOT_RECTIFIED)
                .append("evidence", waiting ? List.of() : found.evidence()).append("note", waiting ? null : found.note())
                .append("actor", waiting ? null : embed(found.actor(), CaseDocuments::actor))
                .append("at", waiting ? null : date(found.at())));
    }

    private static RectificationCheck rectificationCheck(Document d) {
        CheckDue due = new CheckDue(intOf(d, "order"), instant(d, "deadline"), instant(d, "dueSince"),
                embedded(d, "unit", CaseDocuments::unit), d.getString("gridId"));
        String finding = d.getString("finding");
        return new RectificationCheck(due, finding == null ? null : new RectificationFinding(RECTIFIED.equals(finding),
                strings(d, "evidence"), d.getString("note"), embedded(d, "actor", CaseDocuments::actor), instant(d, "at")));
    }

    private static Document penalty(Penalty p) {
        return compact(new Document("kind", name(p.kind())).append("amountYuan", decimal(p.amountYuan()))
                .append("decisionNumber", p.decisionNumber()));
    }

    private static Penalty penalty(Document d) {
        return new Penalty(enumOf(Penalty.Kind.class, d, "kind"), decimal(d.get("amountYuan")), d.getString("decisionNumber"));
    }

    private static Document closure(Closure c) {
        return compact(new Document("at", date(c.at())).append("outcome", c.outcome()).append("reply", c.reply())
                .append("deadline", date(c.deadline())).append("actor", embed(c.actor(), CaseDocuments::actor)));
    }

    private static Closure closure(Document d) {
        return new Closure(instant(d, "at"), d.getString("outcome"), d.getString("reply"), instant(d, "deadline"),
                embedded(d, "actor", CaseDocuments::actor));
    }

    private static Document closureRequest(ClosureRequest r) {
        ClosureProposal p = r.proposal();
        Document d = new Document("from", name(p.from())).append("outcome", p.outcome()).append("reply", p.reply())
                .append("cited", embed(p.cited(), CaseDocuments::evidence))
                .append("requestedBy", embed(p.by(), CaseDocuments::actor)).append("requestedAt", date(p.at()));
        return compact(withDecision(d, r.decision()).append("decisionNote", r.decision() == null ? null : r.decision().note()));
    }

    private static ClosureRequest closureRequest(Document d) {
        ClosureProposal proposal = new ClosureProposal(enumOf(CaseState.class, d, "from"), d.getString("outcome"),
                d.getString("reply"), embedded(d, "cited", CaseDocuments::evidence),
                embedded(d, "requestedBy", CaseDocuments::actor), instant(d, "requestedAt"));
        return new ClosureRequest(proposal, decisionIn(d, d.getString("decisionNote")));
    }

    /** A decision is stored flat beside what it decides: {@code approved}, {@code decidedBy}, {@code decidedAt}. */
    private static Document withDecision(Document d, Decision decision) {
        return decision == null ? d : d.append("approved", decision.approved())
                .append("decidedBy", embed(decision.by(), CaseDocuments::actor)).append("decidedAt", date(decision.at()));
    }

    /** The decision stored flat in {@code d}; none while {@code decidedAt} is absent (the request waits). */
    private static Decision decisionIn(Document d, String note) {
        Instant at = instant(d, "decidedAt");
        return at == null ? null : new Decision(Boolean.TRUE.equals(d.getBoolean("approved")),
                embedded(d, "decidedBy", CaseDocuments::actor), at, note);
    }

    private static Document evidence(Evidence e) {
        return compact(new Document("files", embedAll(e.files(), CaseDocuments::file))
                .append("inspection", embed(e.inspection(), CaseDocuments::inspection)));
    }

    private static Evidence evidence(Document d) {
        return new Evidence(embeddedAll(d, "files", CaseDocuments::file), embedded(d, "inspection", CaseDocuments::inspection));
    }

    private static Document file(EvidenceFile f) {
        return compact(new Document("uploadId", f.uploadId()).append("caseId", f.caseId()).append("name", f.name())
                .append("kind", name(f.kind())).append("size", f.size()).append("sha256", f.sha256())
                .append("uploadedBy", f.uploadedBy()).append("uploadedAt", date(f.uploadedAt())));
    }

    private static EvidenceFile file(Document d) {
        return new EvidenceFile(d.getString("uploadId"), d.getString("caseId"), d.getString("name"),
                enumOf(FileKind.class, d, "kind"), longOf(d, "size"), d.getString("sha256"), d.getString("uploadedBy"),
                instant(d, "uploadedAt"));
    }

    private static Document inspection(InspectionRecord r) {
        return compact(new Document("number", r.number()).append("signedBy", r.signedBy())
                .append("signedAt", date(r.signedAt())).append("findings", r.findings()));
    }

    private static InspectionRecord inspection(Document d) {
        return new InspectionRecord(d.getString("number"), d.getString("signedBy"), instant(d, "signedAt"),
                d.getString("findings"));
    }

    private static Document contribution(Contribution c) {
        return compact(new Document("unit", embed(c.unit(), CaseDocuments::unit)).append("note", c.note())
                .append("evidence", c.evidence()).append("actor", embed(c.actor(), CaseDocuments::actor))
                .append("at", date(c.at())));
    }

    private static Contribution contribution(Document d) {
        return new Contribution(embedded(d, "unit", CaseDocuments::unit), d.getString("note"), strings(d, "evidence"),
                embedded(d, "actor", CaseDocuments::actor), instant(d, "at"));
    }

    private static Document extension(Extension e) {
        ExtensionRequest asked = e.request();
        Document d = new Document("days", asked.days()).append("reason", asked.reason())
                .append("requestedBy", embed(asked.by(), CaseDocuments::actor)).append("requestedAt", date(asked.at()));
        return compact(withDecision(d, e.decision()).append("newDeadline", date(e.newDeadline())));
    }

    private static Extension extension(Document d) {
        ExtensionRequest asked = new ExtensionRequest(intOf(d, "days"), d.getString("reason"),
                embedded(d, "requestedBy", CaseDocuments::actor), instant(d, "requestedAt"));
        return new Extension(asked, decisionIn(d, null), instant(d, "newDeadline"));
    }

    /** A re-inspection as stored: the draw, then the finding's fields (absent while it waits). */
    private static Document reinspection(Reinspection r) {
        ReinspectionFinding f = r.finding();
        boolean waiting = f == null;
        return compact(new Document("unit", embed(r.draw().unit(), CaseDocuments::unit)).append("drawnAt", date(r.draw().drawnAt()))
                .append("finding", waiting ? null : name(f.outcome())).append("note", waiting ? null : f.note())
                .append("actor", waiting ? null : embed(f.actor(), CaseDocuments::actor)).append("at", waiting ? null : date(f.at())));
    }

    private static Reinspection reinspection(Document d) {
        ReinspectionDraw draw = new ReinspectionDraw(embedded(d, "unit", CaseDocuments::unit), instant(d, "drawnAt"));
        ReinspectionFinding.Outcome outcome = enumOf(ReinspectionFinding.Outcome.class, d, "finding");
        return new Reinspection(draw, outcome == null ? null : new ReinspectionFinding(outcome, d.getString("note"),
                embedded(d, "actor", CaseDocuments::actor), instant(d, "at")));
    }

    private static Document feedback(Feedback f) {
        return compact(new Document("complaintId", f.complaintId()).append("rating", name(f.rating()))
                .append("closureNumber", f.closureNumber()).append("at", date(f.at())));
    }

    private static Feedback feedback(Document d) {
        return new Feedback(d.getString("complaintId"), enumOf(Satisfaction.class, d, "rating"), intOf(d, "closureNumber"),
                instant(d, "at"));
    }

    private static Document clock(RunningClock c) {
        return compact(new Document("name", name(c.name())).append("generation", c.generation())
                .append("startedAt", date(c.startedAt())).append("deadline", date(c.deadline()))
                .append("timers", embedAll(c.timers(), CaseDocuments::timer)).append("stoppedAt", date(c.stoppedAt())));
    }

    private static RunningClock clock(Document d) {
        return new RunningClock(enumOf(ClockName.class, d, "name"), intOf(d, "generation"), instant(d, "startedAt"),
                instant(d, "deadline"), embeddedAll(d, "timers", CaseDocuments::timer), instant(d, "stoppedAt"));
    }

    private static Document timer(Timer t) {
        return compact(new Document("kind", name(t.kind())).append("level", t.level()).append("dueAt", date(t.dueAt()))
                .append("fired", t.fired()));
    }

    private static Timer timer(Document d) {
        return new Timer(enumOf(Timer.Kind.class, d, "kind"), intOf(d, "level"), instant(d, "dueAt"), bool(d, "fired"));
    }

    /** An amount as the store has always kept it: the driver writes a BigDecimal as a Decimal128. */
    private static Object decimal(BigDecimal amount) {
        return amount;
    }

    private static BigDecimal decimal(Object stored) {
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (stored instanceof BigDecimal d) {
            return d;
        }
        return stored == null ? null : new BigDecimal(stored.toString());
    }
}
