package cn.luoyang.pollution.dispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoCaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoDecisions;
import cn.luoyang.pollution.dispatch.duplicates.MergeCell;
import cn.luoyang.pollution.dispatch.duplicates.MergeCells;
import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.duplicates.persistence.MongoMergeCells;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The conditional writes that let several instances share dispatch's state, each played by two
 * adapters (two instances, two driver clients) on one embedded MongoDB: of two writes made on the
 * same reading, exactly one lands.
 */
class SharedStateAdaptersTest {

    private final MongoServer server = EmbeddedMongo.inMemory();
    private final int port = bound(server);
    private final MongoClient clientA = MongoClients.create("mongodb://127.0.0.1:" + port);
    private final MongoClient clientB = MongoClients.create("mongodb://127.0.0.1:" + port);
    private final MongoTemplate mongoA = new MongoTemplate(clientA, "dispatch");
    private final MongoTemplate mongoB = new MongoTemplate(clientB, "dispatch");
    private final World world = new World();

    private static final MergeCell HERE = new MergeCell("AIR_OPEN_BURNING", 7);
    private static final MergeCell NEXT = new MergeCell("AIR_OPEN_BURNING", 8);

    private static int bound(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        clientA.close();
        clientB.close();
        server.shutdownNow();
    }

    @Test
    void ofTwoCasesClaimedOnTheSameReadingOfTheCellsOnlyTheFirstOpens() {
        MergeCells a = new MongoMergeCells(mongoA);
        MergeCells b = new MongoMergeCells(mongoB);
        Map<MergeCell, MergeCells.State> seenByA = a.read(List.of(HERE, NEXT));
        Map<MergeCell, MergeCells.State> seenByB = b.read(List.of(HERE, NEXT));
        assertThat(seenByA).isEmpty();
        assertThat(seenByB).isEmpty();

        assertThat(a.claim(Map.of(HERE, 0L, NEXT, 0L), HERE, open("CASE-A"))).isTrue();
        assertThat(b.claim(Map.of(HERE, 0L, NEXT, 0L), NEXT, open("CASE-B"))).isFalse();

        Map<MergeCell, MergeCells.State> now = b.read(List.of(HERE, NEXT));
        assertThat(now.get(HERE).cases()).extracting(OpenCase::caseId).containsExactly("CASE-A");
        assertThat(now.get(NEXT).cases()).isEmpty();
        assertThat(b.claim(Map.of(HERE, now.get(HERE).version(), NEXT, now.get(NEXT).version()), NEXT, open("CASE-B"))).isTrue();
    }

    @Test
    void aCaseOpenedByHandMakesEveryEarlierReadingStaleAndAClosedCaseLeavesItsCell() {
        MergeCells a = new MongoMergeCells(mongoA);
        MergeCells b = new MongoMergeCells(mongoB);
        assertThat(a.claim(Map.of(HERE, 0L), HERE, open("CASE-A"))).isTrue();
        long seen = b.read(List.of(HERE)).get(HERE).version();

        a.add(HERE, open("CASE-HAND"));
        a.add(HERE, open("CASE-HAND"));
        assertThat(b.claim(Map.of(HERE, seen), HERE, open("CASE-B"))).isFalse();

        b.remove(HERE, "CASE-A");
        assertThat(a.read(List.of(HERE)).get(HERE).cases()).extracting(OpenCase::caseId).containsExactly("CASE-HAND");
    }

    @Test
    void ofTwoActsOnOneCaseReadAtTheSameVersionOnlyTheFirstIsWrittenAndNeitherDropsAMergedComplaint() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        CaseFile file = world.cases.byId.get("CASE-LY20261128-c1");
        MongoCaseFiles a = new MongoCaseFiles(mongoA, new EventCodec());
        MongoCaseFiles b = new MongoCaseFiles(mongoB, new EventCodec());
        a.insert(file);
        CaseFile readByA = a.byId(file.id()).orElseThrow();
        CaseFile readByB = b.byId(file.id()).orElseThrow();
        b.addComplaint(file.id(), "c2", World.MORNING);

        assertThat(a.update(readByA.closed("ev-close", World.MORNING), null)).isTrue();
        assertThat(b.update(readByB.withReturn("DEPT", "ev-return", World.MORNING), null)).isFalse();

        CaseFile stored = b.byId(file.id()).orElseThrow();
        assertThat(stored.processedEventIds()).containsExactly("ev-close");
        assertThat(stored.returns()).isZero();
        assertThat(stored.complaintIds()).containsExactly("c1", "c2");
        assertThat(stored.version()).as("inserted at 1, changed once").isEqualTo(2);
    }

    @Test
    void aQueuedComplaintIsAssignedByTheFirstOfTwoOfficersOnly() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        DecisionRecord queued = world.decisions.byId.get("c1");
        MongoDecisions a = new MongoDecisions(mongoA, new EventCodec());
        MongoDecisions b = new MongoDecisions(mongoB, new EventCodec());
        a.insert(queued, queued.failed());

        assertThat(a.assign(queued.assigned(manual("甲"), dispatched(queued)), dispatched(queued))).isTrue();
        assertThat(b.assign(queued.assigned(manual("乙"), dispatched(queued)), dispatched(queued))).isFalse();

        assertThat(b.byId("c1").orElseThrow().assignment().assignedBy()).isEqualTo("甲");
    }

    private static OpenCase open(String caseId) {
        return new OpenCase(caseId, "AIR_OPEN_BURNING", new LonLat(112.37, 34.65), World.MORNING);
    }

    private static ManualAssignment manual(String by) {
        return new ManualAssignment("410305", null, null, "CITY_EEB", List.of(), "DISTRICT", "ROUTINE", "STANDARD", by, null);
    }

    private static CaseDispatched dispatched(DecisionRecord queued) {
        return new CaseDispatched("ev-" + queued.id(), "CASE-" + queued.trackingNumber(), queued.id(), queued.trackingNumber(),
                queued.category(), null, null, "CITY_EEB", List.of(), Level.DISTRICT, Priority.ROUTINE, "STANDARD", null, "MANUAL", 0, 1, false,
                List.of(), World.MORNING, CaseDispatched.VERSION);
    }
}
