package cn.luoyang.pollution.dispatch.dispatching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.dispatching.Arbitration;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.dispatch.queue.QueueEscalation;
import cn.luoyang.pollution.dispatch.queue.persistence.MongoQueueClocks;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.CountedMongo;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Dispatch's explicit mappers against the shape the stores wrote before they mapped fields
 * themselves (Spring Data's converter over the domain records, {@code _class} included): such a
 * document loads whole, and what the stores write now has the same fields.
 */
class DispatchDocumentsTest {

    private final CountedMongo server = new CountedMongo("dispatch");
    private final MongoTemplate mongo = server.template();
    private final World world = new World();
    private final EventCodec codec = new EventCodec();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCaseFileStoredInTodaysShapeLoadsWholeAndIsWrittenWithTheSameFields() {
        CaseFile file = arbitratedFile();
        Document former = formerlyWritten(file);
        mongo.insert(former, MongoCaseFiles.COLLECTION);

        assertThat(new MongoCaseFiles(mongo, codec).byId(file.id())).contains(file);
        former.remove("_class");
        former.remove("version");
        assertThat(CaseFileDocuments.document(file)).isEqualTo(former);
    }

    @Test
    void aCaseFileStoredWithoutAVersionReadsAsVersion0AndTakesOneChange() {
        CaseFile file = arbitratedFile();
        Document former = formerlyWritten(file);
        former.remove("version");
        mongo.insert(former, MongoCaseFiles.COLLECTION);
        MongoCaseFiles files = new MongoCaseFiles(mongo, codec);

        CaseFile read = files.byId(file.id()).orElseThrow();
        assertThat(read.version()).isZero();
        assertThat(files.update(read.noted("ev-n", World.MORNING), null)).isTrue();
        assertThat(files.update(read.noted("ev-m", World.MORNING), null)).as("read before the first change").isFalse();
        assertThat(files.byId(file.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void decisionsStoredInTodaysShapeLoadWholeAndAreWrittenWithTheSameFields() {
        world.desk.registered(world.registered("c2", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        MongoDecisions decisions = new MongoDecisions(mongo, codec);
        for (DecisionRecord decision : List.of(dispatchedDecision(), world.decisions.byId.get("c2"), mergedAndAssigned())) {
            Document former = formerlyWritten(decision);
            mongo.insert(former, MongoDecisions.COLLECTION);

            assertThat(decisions.byId(decision.id())).contains(decision);
            former.remove("_class");
            assertThat(DecisionDocuments.document(decision)).isEqualTo(former);
        }
    }

    @Test
    void aQueueEscalationIsStoredInTodaysShape() {
        QueueEscalation escalation = new QueueEscalation("c9", "LY20261128-c9", "NO_RULE", World.MORNING, "ev-esc",
                World.MORNING.plusSeconds(3600));
        DispatchFailed event = new DispatchFailed("ev-esc", "c9", "LY20261128-c9", null, "NO_RULE", null, List.of(), List.of(),
                World.MORNING, DispatchFailed.VERSION);
        new MongoQueueClocks(mongo, codec).claim(escalation, event);

        Document stored = mongo.findById("c9", Document.class, MongoQueueClocks.COLLECTION);
        Document former = formerlyWritten(new FormerQueueClock("c9", escalation));
        assertThat(stored.get("escalation")).isEqualTo(former.get("escalation"));
    }

    /** The record the queue clock stored before. */
    record FormerQueueClock(String id, QueueEscalation escalation) {
    }

    private Document formerlyWritten(Object value) {
        Document doc = new Document();
        mongo.getConverter().write(value, doc);
        return doc;
    }

    private CaseFile arbitratedFile() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        CaseFile file = world.cases.byId.get("CASE-LY20261128-c1");
        CaseDispatched first = file.lastDispatch();
        DispatchFailed failed = new DispatchFailed("ev-f", "c1", first.trackingNumber(), file.id(), "ALL_RETURNED", "returned twice",
                List.of("HJJ", "ZJJ"), List.of(new TraceStep("returns", "2")), World.MORNING.plusSeconds(60), DispatchFailed.VERSION);
        Arbitration arbitration = new Arbitration("HJJ", List.of("ZJJ"), "DISTRICT", "URGENT", "URGENT", "campaign-1",
                "its district", World.MORNING.plusSeconds(120));
        return file.withReturn("ZJJ", "ev-r", World.MORNING.plusSeconds(30))
                .awaitingArbitration(failed, World.MORNING.plusSeconds(60))
                .arbitrated(arbitration, withTeam(first), World.MORNING.plusSeconds(120));
    }

    private DecisionRecord dispatchedDecision() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        DecisionRecord d = world.decisions.byId.get("c1");
        return new DecisionRecord(d.id(), d.trackingNumber(), d.category(), d.location(), d.addressText(), d.reportedAt(),
                d.outcome(), d.caseId(), d.reason(), d.detail(), d.candidates(), d.trace(), withTeam(d.dispatched()), d.merged(),
                d.failed(), d.assignment(), d.decidedAt());
    }

    private static DecisionRecord mergedAndAssigned() {
        ComplaintMerged merged = new ComplaintMerged("ev-m", "CASE-1", "c7", "LY-c7", 120.5, 14, World.MORNING, ComplaintMerged.VERSION);
        ManualAssignment assignment = new ManualAssignment("410305", "410305001", "410305-0017", "HJJ", List.of("ZJJ"), "DISTRICT",
                "STANDARD", "STANDARD", "campaign-1", "by hand");
        return new DecisionRecord("c7", "LY-c7", "AIR_OPEN_BBQ", null, "北街", World.MORNING, Outcome.MERGED, "CASE-1", null, null,
                List.of(), List.of(new TraceStep("merge", "120 m")), null, merged, null, assignment, World.MORNING);
    }

    private static CaseDispatched withTeam(CaseDispatched event) {
        return event.withGridTeam(new GridTeam("410305-0017", new GridTeam.Member("lead-17", "网格长 李强"),
                List.of(new GridTeam.Member("grid-jianxi", "网格员 周杰"))));
    }
}
