package cn.luoyang.pollution.enforcement.cases.persistence;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.CO;
import static cn.luoyang.pollution.enforcement.cases.CaseMother.EVIDENCE;
import static cn.luoyang.pollution.enforcement.cases.CaseMother.LEAD;
import static cn.luoyang.pollution.enforcement.cases.CaseMother.RULES;
import static cn.luoyang.pollution.enforcement.cases.CaseMother.SECOND;
import static cn.luoyang.pollution.enforcement.cases.CaseMother.SUPERVISOR;
import static cn.luoyang.pollution.enforcement.cases.CaseMother.T0;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.cases.Unit;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The case's document, mapped field by field, has the shape the store wrote before the mapper (Spring
 * Data's reflective converter over the aggregate): every case stored then loads, unchanged, and saves on.
 */
class CaseDocumentsTest {

    private final MongoFixture mongo = new MongoFixture();
    private final MongoTemplate template = mongo.replica();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void theMappedDocumentIsTheShapeTheStoreHasAlwaysWritten() {
        Case c = everythingOnce();
        Document todays = todaysShape(c);
        // the converter also wrote two in-memory fields of the aggregate, which no reader ever used
        assertThat(todays.remove("pendingEvents")).isNotNull();
        todays.remove("storedHistory");
        assertThat(CaseDocuments.write(c.snapshot())).isEqualTo(todays);
    }

    @Test
    void aCaseStoredInTodaysShapeLoadsUnchangedAndSavesOn() {
        Case c = everythingOnce();
        Document stored = todaysShape(c);
        stored.put("version", 7L);
        template.insert(stored, MongoCases.COLLECTION);
        MongoCases cases = new MongoCases(template, new EventCodec());

        Case loaded = cases.find(c.id()).orElseThrow();
        assertThat(loaded.version()).isEqualTo(7);
        assertThat(CaseDocuments.write(loaded.snapshot())).isEqualTo(CaseDocuments.write(c.snapshot()));
        assertThat(loaded.history().verify()).isTrue();
        assertThat(loaded.penalty().amountYuan()).isEqualByComparingTo("20000");
        assertThat(loaded.feedback()).singleElement().satisfies(f -> assertThat(f.rating()).isEqualTo(Satisfaction.SATISFIED));

        loaded.reopen(SUPERVISOR, T0.plus(Duration.ofDays(3)), "SUPERVISOR", "督查发现问题反弹", RULES);
        cases.save(loaded);
        Case again = cases.find(c.id()).orElseThrow();
        assertThat(again.version()).isEqualTo(8);
        assertThat(template.findById(c.id(), Document.class, MongoCases.COLLECTION)).doesNotContainKeys("pendingEvents",
                "storedHistory");
        assertThat(again.history().entries()).hasSize(c.history().entries().size() + 1);
        assertThat(again.history().verify()).isTrue();
    }

    /**
     * What Spring Data's converter wrote for this case (without its class hint and version, which the store handles),
     * with the extensions, closure requests, rectification checks, routing rounds and the re-inspection as it wrote
     * them before they were split into what was asked or drawn and its outcome: one flat object each.
     */
    private Document todaysShape(Case c) {
        Document doc = new Document();
        template.getConverter().write(c, doc);
        doc.remove("_class");
        doc.remove("version");
        doc.getList("extensions", Document.class).forEach(e -> {
            lift(e, "request", Map.of("days", "days", "reason", "reason", "by", "requestedBy", "at", "requestedAt"));
            lift(e, "decision", Map.of("approved", "approved", "by", "decidedBy", "at", "decidedAt"));
        });
        doc.getList("closureRequests", Document.class).forEach(r -> {
            lift(r, "proposal", Map.of("from", "from", "outcome", "outcome", "reply", "reply", "cited", "cited",
                    "by", "requestedBy", "at", "requestedAt"));
            lift(r, "decision", Map.of("approved", "approved", "by", "decidedBy", "at", "decidedAt", "note", "decisionNote"));
        });
        doc.getList("rectificationChecks", Document.class).forEach(r -> {
            lift(r, "due", Map.of("order", "order", "deadline", "deadline", "dueSince", "dueSince", "unit", "unit",
                    "gridId", "gridId"));
            Document finding = (Document) r.remove("finding");
            r.put("finding", finding.getBoolean("rectified") ? "RECTIFIED" : "NOT_RECTIFIED");
            finding.remove("rectified");
            r.putAll(finding);
        });
        doc.getList("assignments", Document.class).forEach(a -> {
            lift(a, "round", Map.of("number", "round", "lead", "lead", "coHandlers", "coHandlers", "assignedAt", "assignedAt",
                    "signDeadline", "signDeadline", "arbitrated", "arbitrated"));
            Document signOff = (Document) a.remove("signOff");
            if (signOff != null) {
                a.put("ACCEPTED".equals(signOff.getString("answer")) ? "acceptedAt" : "returnedAt", signOff.get("at"));
            }
        });
        Document reinspection = doc.get("reinspection", Document.class);
        if (reinspection != null) {
            lift(reinspection, "draw", Map.of("unit", "unit", "drawnAt", "drawnAt"));
            lift(reinspection, "finding", Map.of("outcome", "finding", "note", "note", "actor", "actor", "at", "at"));
        }
        return doc;
    }

    /** Moves the fields of the nested object {@code part} up into {@code d}, under their flat names. */
    private static void lift(Document d, String part, Map<String, String> flatNames) {
        Document nested = (Document) d.remove(part);
        if (nested != null) {
            nested.forEach((key, value) -> d.put(flatNames.get(key), value));
        }
    }

    /** A case that went through every verb that leaves something on the document. */
    private static Case everythingOnce() {
        Case c = Case.open(Dispatches.routine("CASE-DOC", "URBAN_MANAGEMENT", "410305", "ECOLOGY_ENVIRONMENT")
                .withGridTeam(new GridTeam("410305-0017", new GridTeam.Member("grid-leader-0017", "网格长 李强"),
                        List.of(new GridTeam.Member("grid-jianxi", "网格员 周杰")))), T0, RULES);
        Instant t = T0.plus(Duration.ofMinutes(10));
        c.accept(LEAD, t, "签收", RULES);
        c.recordContribution(CO, t.plusSeconds(60), "已派员配合", List.of("co.jpg"));
        c.listForSupervision(SUPERVISOR, t.plusSeconds(90), "挂牌");
        c.urge(SUPERVISOR, t.plusSeconds(100), "催办");
        c.startInspection(LEAD, t.plusSeconds(120), List.of("arrival.jpg"), "到场");
        Instant deadline = t.plus(Duration.ofDays(2));
        c.orderRectification(LEAD, t.plusSeconds(180), deadline, EVIDENCE, "限期整改", RULES);
        c.fireDueTimers(deadline.plusSeconds(60));
        c.recordRectificationCheck(SECOND, deadline.plusSeconds(120), false, List.of("recheck.jpg"), "仍未整改");
        Instant later = deadline.plusSeconds(600);
        c.penalize(LEAD, later, new Penalty(Penalty.Kind.FINE, new BigDecimal("20000"), "洛城管罚〔2026〕1号"), EVIDENCE, null);
        c.requestExtension(LEAD, later.plusSeconds(60), 5, "需要第三方检测");
        c.decideExtension(SUPERVISOR, later.plusSeconds(120), true, "同意", RULES);
        c.requestClosure(LEAD, later.plusSeconds(180), null, "已处罚并整改。", CaseMother.proof(c, later));
        c.decideClosure(SUPERVISOR, later.plusSeconds(240), false, "证据不足");
        c.requestClosure(LEAD, later.plusSeconds(300), "PENALIZED", "已处罚并整改到位。", CaseMother.proof(c, later));
        c.decideClosure(SUPERVISOR, later.plusSeconds(360), true, "同意办结");
        c.recordFeedback("fb-1", "cmp-CASE-DOC", Satisfaction.SATISFIED, later.plusSeconds(400), RULES);
        c.drawForReinspection(new Unit("URBAN_MANAGEMENT", Unit.CITY), later.plusSeconds(420));
        c.recordReinspection(new Actor("cg-city", "HANDLER", "URBAN_MANAGEMENT@410300"), later.plusSeconds(480), true,
                List.of("check.jpg"), "抽查合格", RULES);
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
        return c;
    }
}
