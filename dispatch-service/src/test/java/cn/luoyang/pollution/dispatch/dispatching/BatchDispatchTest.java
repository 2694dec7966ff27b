package cn.luoyang.pollution.dispatch.dispatching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A poll's complaints decided in order and stored together: one bulk write per collection, nothing doubled. */
class BatchDispatchTest {

    private final World world = new World();

    private final ComplaintRegistered opens = world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);
    private final ComplaintRegistered nearby = world.registered("c2", "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 100), null,
            World.MORNING);
    private final ComplaintRegistered queued = world.registered("c3", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING);

    @Test
    void aBatchIsDecidedInRecordOrderSoAReportAfterTheOneThatOpensACaseJoinsIt() {
        List<DecisionRecord> done = world.desk.registered(List.of(opens, nearby, queued));

        assertThat(done).extracting(DecisionRecord::id, DecisionRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("c1", Outcome.DISPATCHED), org.assertj.core.groups.Tuple.tuple("c2", Outcome.MERGED),
                org.assertj.core.groups.Tuple.tuple("c3", Outcome.QUEUED));
        assertThat(world.cases.byId).containsOnlyKeys("CASE-LY20261128-c1");
        assertThat(world.cases.byId.get("CASE-LY20261128-c1").complaintIds()).containsExactly("c1", "c2");
        assertThat(world.events.published).extracting(Event::getClass)
                .containsExactly(CaseDispatched.class, ComplaintMerged.class, DispatchFailed.class);
    }

    @Test
    void aBatchCostsOneBulkInsertOfDecisionsOneOfCaseFilesAndOneBulkUpdateForTheMerges() {
        world.desk.registered(List.of(opens, nearby, queued));

        assertThat(world.decisions.calls).containsExactly("insertAll");
        assertThat(world.cases.calls).containsExactly("insertAll", "addComplaints");
    }

    @Test
    void twoRecordsOfOneComplaintInABatchAreTakenInOrderTheSecondAnnouncingTheFirstsDecisionAgain() {
        world.desk.registered(List.of(opens, nearby, opens));

        assertThat(world.cases.byId).hasSize(1);
        assertThat(world.cases.byId.get("CASE-LY20261128-c1").complaintIds()).containsExactly("c1", "c2");
        List<CaseDispatched> dispatched = world.events.of(CaseDispatched.class);
        assertThat(dispatched).hasSize(2);
        assertThat(dispatched.get(1).eventId()).as("the second delivery republishes the stored event").isEqualTo(dispatched.get(0).eventId());
        assertThat(world.events.published).extracting(Event::getClass)
                .containsExactly(CaseDispatched.class, ComplaintMerged.class, CaseDispatched.class);
    }

    @Test
    void aRedeliveredBatchDoublesNothingAndAnnouncesTheSameEventsAgain() {
        world.desk.registered(List.of(opens, nearby, queued));
        List<String> first = world.events.published.stream().map(Event::eventId).toList();

        world.desk.registered(List.of(opens, nearby, queued));

        assertThat(world.cases.byId).hasSize(1);
        assertThat(world.cases.byId.get("CASE-LY20261128-c1").complaintIds()).containsExactly("c1", "c2");
        assertThat(world.decisions.byId).hasSize(3);
        assertThat(world.events.published.stream().map(Event::eventId).toList()).hasSize(6).containsOnlyElementsOf(first);
        assertThat(world.decisions.byId("c2").orElseThrow().caseId()).isEqualTo("CASE-LY20261128-c1");
    }

    @Test
    void aBatchRedeliveredAfterACrashBeforeItsCaseFilesWereWrittenFilesThemOnce() {
        world.desk.registered(List.of(opens, nearby));
        world.cases.byId.clear();

        world.desk.registered(List.of(opens, nearby));

        assertThat(world.cases.byId).containsOnlyKeys("CASE-LY20261128-c1");
        assertThat(world.cases.byId.get("CASE-LY20261128-c1").complaintIds()).containsExactly("c1", "c2");
    }
}
