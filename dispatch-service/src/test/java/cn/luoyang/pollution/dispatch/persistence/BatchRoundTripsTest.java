package cn.luoyang.pollution.dispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.dispatch.dispatching.DispatchDesk;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoCaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoDecisions;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.CountedMongo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decision and case-file writes of a batch, counted on the wire (the merge cells and the version reads stay in the
 * world's in-memory stores here: they are per record, see README "Batches"). A count, not a timing.
 */
class BatchRoundTripsTest {

    private final CountedMongo server = new CountedMongo("dispatch");
    private final World world = new World();
    private final DispatchDesk desk = new DispatchDesk(world.dispatcher, new MongoDecisions(server.template(), new EventCodec()),
            new MongoCaseFiles(server.template(), new EventCodec()), world.openCases, id -> { }, world.clock, world.ids);

    @AfterEach
    void stop() {
        server.close();
    }

    /** Ten reports: five incidents, each one opening and one merging, by pairs 100 m apart; every other incident far off. */
    private List<ComplaintRegistered> reports() {
        List<ComplaintRegistered> reports = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            reports.add(world.registered("o" + k, "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 2_000 * k), null, World.MORNING));
            reports.add(world.registered("m" + k, "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 2_000 * k + 100), null,
                    World.MORNING));
        }
        return reports;
    }

    @Test
    void aBatchOfTenReportsCostsThreeWritesWhereOneByOneTheyCostTwenty() {
        List<ComplaintRegistered> reports = reports();
        server.reset();

        desk.registered(reports);

        assertThat(server.commands()).as("decisions bulk insert, case files bulk insert, merges bulk update").isEqualTo(3);
    }

    @Test
    void oneByOneTheSameReportsCostOneDecisionInsertAndOneCaseWriteEach() {
        List<ComplaintRegistered> reports = reports();
        server.reset();

        reports.forEach(desk::registered);

        assertThat(server.commands()).isEqualTo(20);
    }

    @Test
    void theSameBatchRedeliveredOpensNoCaseAndStoresNoDecisionTwice() {
        List<ComplaintRegistered> reports = reports();
        desk.registered(reports);
        long cases = server.template().getCollection("cases").countDocuments();
        server.reset();

        desk.registered(reports);
        // printed for BENCHMARKS.md: a redelivery is the rare path, finished one by one
        System.out.println("redelivered batch of 10: " + server.commands() + " commands");

        assertThat(server.template().getCollection("cases").countDocuments()).isEqualTo(cases).isEqualTo(5);
        assertThat(server.template().getCollection("decisions").countDocuments()).isEqualTo(10);
    }
}
