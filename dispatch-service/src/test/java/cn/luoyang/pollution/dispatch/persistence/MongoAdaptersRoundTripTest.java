package cn.luoyang.pollution.dispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoCaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoDecisions;
import cn.luoyang.pollution.dispatch.grids.GridRoster;
import cn.luoyang.pollution.dispatch.grids.Roster;
import cn.luoyang.pollution.dispatch.grids.RosterRow;
import cn.luoyang.pollution.dispatch.grids.persistence.MongoRosters;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.persistence.MongoSources;
import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.AlertLevelStore.AlertSetting;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import cn.luoyang.pollution.dispatch.rules.json.SeedTable;
import cn.luoyang.pollution.dispatch.rules.persistence.MongoAlertLevelStore;
import cn.luoyang.pollution.dispatch.rules.persistence.MongoRuleTables;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the service stores reads back the same through the official driver and the embedded server: what a restart relies on. */
class MongoAdaptersRoundTripTest {

    private final MongoServer server = EmbeddedMongo.inMemory();
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + bound(server));
    private final MongoTemplate mongo = new MongoTemplate(client, "dispatch");
    private final World world = new World();

    private static int bound(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRosterSavedByOneInstanceIsTheNextOnesAndATakenVersionCannotBeSavedTwice() {
        GridRoster saving = new GridRoster(new MongoRosters(mongo), id -> true, world.clock);
        GridRoster reading = new GridRoster(new MongoRosters(mongo), id -> true, world.clock);
        assertThat(reading.team("410305-0017")).isEmpty();

        saving.importRows(List.of(new RosterRow(2, "410305-0017", "LEADER", "lead-17", "网格长 李强"),
                new RosterRow(3, "410305-0017", "MEMBER", "grid-jianxi", "网格员 周杰")), List.of(), "campaign", "import");

        GridTeam team = reading.team("410305-0017").orElseThrow();
        assertThat(team).isEqualTo(new GridTeam("410305-0017", new GridTeam.Member("lead-17", "网格长 李强"),
                List.of(new GridTeam.Member("grid-jianxi", "网格员 周杰"))));
        assertThat(reading.current().version()).isEqualTo(1);
        assertThat(reading.current().changedBy()).isEqualTo("campaign");
        assertThat(new MongoRosters(mongo).add(new Roster(1, List.of(), "other", null, World.MORNING))).isFalse();
    }

    @Test
    void ruleTableVersionsReadBackAndATakenVersionCannotBeSavedTwice() {
        MongoRuleTables tables = new MongoRuleTables(mongo);
        RuleTable seed = SeedTable.defaults();
        RuleTable v1 = new RuleTable(1, seed.rules(), seed.alertRaise(), "seed", "first start", World.MORNING);
        RuleTable v2 = new RuleTable(2, seed.rules().subList(0, 3), seed.alertRaise(), "admin", "fewer", World.MORNING);

        assertThat(tables.latestVersion()).isZero();
        assertThat(tables.add(v1)).isTrue();
        assertThat(tables.add(v2)).isTrue();

        assertThat(tables.latest()).contains(v2);
        assertThat(tables.latestVersion()).isEqualTo(2);
        assertThat(tables.version(1)).contains(v1);
        assertThat(tables.versions()).containsExactly(1, 2);
        assertThat(tables.add(v2)).isFalse();
    }

    @Test
    void caseFilesAndDecisionsReadBackWithTheirEventsAndTraces() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        world.desk.registered(world.registered("c2", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        MongoCaseFiles files = new MongoCaseFiles(mongo, new EventCodec());
        MongoDecisions decisions = new MongoDecisions(mongo, new EventCodec());

        world.cases.byId.values().forEach(files::insert);
        world.decisions.byId.values().forEach(d -> decisions.save(d, d.failed() != null ? d.failed() : d.dispatched()));

        CaseFile file = world.cases.byId.get("CASE-LY20261128-c1");
        CaseFile stored = storedAtVersion1(file);
        assertThat(files.byId(file.id())).contains(stored);
        assertThat(files.withStatus(CaseStatus.OPEN)).containsExactly(stored);
        DecisionRecord dispatched = decisions.byId("c1").orElseThrow();
        assertThat(dispatched).isEqualTo(world.decisions.byId.get("c1"));
        assertThat(dispatched.dispatched()).isInstanceOf(CaseDispatched.class);
        assertThat(decisions.queued()).extracting(DecisionRecord::id).containsExactly("c2");
        assertThat(decisions.queued().get(0).outcome()).isEqualTo(Outcome.QUEUED);
    }

    /** A new file (version 0) as an insert stores it: at version 1. */
    private static CaseFile storedAtVersion1(CaseFile f) {
        return new CaseFile(f.id(), f.openingComplaintId(), f.trackingNumber(), f.category(), f.location(), f.gcjLongitude(),
                f.gcjLatitude(), f.reportedAt(), f.territory(), f.sourceId(), f.complaintIds(), f.status(), f.returnedBy(),
                f.returns(), f.routingRound(), f.lastDispatch(), f.lastFailure(), f.lastEventType(), f.processedEventIds(),
                f.arbitrations(), f.updatedAt(), 1);
    }

    @Test
    void aCaseFilesChangeCarriesItsEventInItsOutboxAndAnnouncingItWhileItWaitsAddsNoSecondEntry() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        MongoCaseFiles files = new MongoCaseFiles(mongo, new EventCodec());
        CaseFile file = world.cases.byId.get("CASE-LY20261128-c1");
        files.insert(file);
        CaseDispatched event = file.lastDispatch();

        assertThat(files.update(files.byId(file.id()).orElseThrow().noted("ev-x", World.MORNING), event)).isTrue();
        files.announce(file.id(), event);

        assertThat(mongo.findById(file.id(), Document.class, "cases").getList("outbox", Document.class))
                .extracting(d -> d.getString("eventId")).containsExactly(event.eventId());
    }

    @Test
    void aSecondInsertOfTheSameDecisionOrCaseIsRefusedAndAMergedComplaintIsListedOnce() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        MongoCaseFiles files = new MongoCaseFiles(mongo, new EventCodec());
        MongoDecisions decisions = new MongoDecisions(mongo, new EventCodec());
        CaseFile file = world.cases.byId.get("CASE-LY20261128-c1");
        DecisionRecord decision = world.decisions.byId.get("c1");

        assertThat(decisions.insert(decision, decision.dispatched())).isTrue();
        assertThat(decisions.insert(decision, decision.dispatched())).isFalse();
        assertThat(mongo.findById("c1", Document.class, "decisions").getList("outbox", Document.class))
                .extracting(d -> d.getString("eventId")).containsExactly(decision.dispatched().eventId());
        assertThat(files.insert(file)).isTrue();
        assertThat(files.insert(file)).isFalse();
        assertThat(files.addComplaint(file.id(), "c2", World.MORNING.plusSeconds(60))).isTrue();
        assertThat(files.addComplaint(file.id(), "c2", World.MORNING.plusSeconds(90))).isTrue();
        assertThat(files.addComplaint("CASE-NOPE", "c2", World.MORNING)).isFalse();

        assertThat(decisions.byId("c1")).contains(decision);
        CaseFile merged = files.byId(file.id()).orElseThrow();
        assertThat(merged.complaintIds()).containsExactly("c1", "c2");
        assertThat(merged.updatedAt()).isEqualTo(World.MORNING.plusSeconds(90));
        assertThat(merged.lastDispatch()).isEqualTo(file.lastDispatch());
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(1);
    }

    @Test
    void sourcesAndTheAlertLevelReadBack() {
        PollutionSource site = world.site("SITE-1", Luoyang.JIANXI, 6000, "TRANSPORT");
        MongoSources sources = new MongoSources(mongo);
        MongoAlertLevelStore alert = new MongoAlertLevelStore(mongo);

        sources.saveAll(List.of(site, world.source("OUT-1", "SEWAGE_OUTLET", Luoyang.LUOLONG, "洛河")));
        alert.save(new AlertSetting(AlertLevel.ORANGE, "攻坚办", World.MORNING));

        assertThat(sources.byId("SITE-1")).contains(site);
        assertThat(sources.all()).hasSize(2);
        assertThat(sources.version()).isEqualTo(1);
        assertThat(sources.delete("SITE-1")).isTrue();
        assertThat(sources.delete("SITE-1")).isFalse();
        assertThat(sources.version()).isEqualTo(2);
        assertThat(sources.all()).extracting(PollutionSource::id).containsExactly("OUT-1");
        assertThat(alert.load()).contains(new AlertSetting(AlertLevel.ORANGE, "攻坚办", World.MORNING));
    }
}
