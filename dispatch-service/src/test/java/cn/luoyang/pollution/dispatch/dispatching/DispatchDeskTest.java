package cn.luoyang.pollution.dispatch.dispatching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchDeskTest {

    private final World world = new World();

    @Test
    void complaintOpensACaseNamedAfterItsTrackingNumber() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));

        CaseDispatched dispatched = world.events.of(CaseDispatched.class).get(0);
        assertThat(dispatched.caseId()).isEqualTo("CASE-LY20261128-c1");
        assertThat(dispatched.routingRound()).isEqualTo(1);
        assertThat(dispatched.ruleId()).isEqualTo("OPEN-BURNING");
        assertThat(dispatched.ruleVersion()).isEqualTo(1);
        assertThat(dispatched.trace()).isNotEmpty();
        assertThat(world.decisions.byId("c1").orElseThrow().outcome()).isEqualTo(Outcome.DISPATCHED);
    }

    @Test
    void redeliveredComplaintRepublishesTheSameEventAndOpensNoSecondCase() {
        ComplaintRegistered event = world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);

        world.desk.registered(event);
        world.desk.registered(event);

        assertThat(world.events.published).hasSize(2);
        assertThat(world.events.published.get(1)).isEqualTo(world.events.published.get(0));
        assertThat(world.cases.byId).hasSize(1);
    }

    @Test
    void crashAfterFilingTheCaseButBeforeStoringTheDecisionIsFinishedOnRedelivery() {
        ComplaintRegistered event = world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);
        world.desk.registered(event);
        world.decisions.byId.clear();

        world.desk.registered(event);

        assertThat(world.events.of(ComplaintMerged.class)).isEmpty();
        assertThat(world.events.of(CaseDispatched.class)).hasSize(2).extracting(CaseDispatched::eventId).containsOnly(
                world.events.of(CaseDispatched.class).get(0).eventId());
        assertThat(world.decisions.byId("c1").orElseThrow().outcome()).isEqualTo(Outcome.DISPATCHED);
    }

    @Test
    void crashAfterStoringTheDecisionButBeforeFilingTheCaseIsFiledOnRedelivery() {
        ComplaintRegistered event = world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);
        world.desk.registered(event);
        World restarted = new World();
        restarted.decisions.byId.putAll(world.decisions.byId); // stored, and its event published
        restarted.cells.byCell.putAll(world.cells.byCell);

        restarted.desk.registered(event);

        CaseDispatched first = world.events.of(CaseDispatched.class).get(0);
        assertThat(restarted.events.published).containsExactly(first);
        assertThat(restarted.cases.byId.get("CASE-LY20261128-c1").lastDispatch()).isEqualTo(first);
        assertThat(restarted.cells.holds("CASE-LY20261128-c1")).isTrue();
        assertThat(restarted.decisions.byId("c1").orElseThrow().dispatched()).isEqualTo(first);
    }

    @Test
    void redeliveryAfterItsMergeTargetClosedRepublishesTheMergeAndOpensNoCase() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        ComplaintRegistered second = world.registered("c2", "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 100), null,
                World.MORNING);
        world.desk.registered(second);
        world.closures.closed(new CaseClosed("closed-1", "CASE-LY20261128-c1", "RECTIFIED", "done", List.of("c1", "c2"), null,
                World.MORNING, 1));

        world.desk.registered(second);

        assertThat(world.events.of(ComplaintMerged.class)).hasSize(2).extracting(ComplaintMerged::eventId).containsOnly(
                world.events.of(ComplaintMerged.class).get(0).eventId());
        assertThat(world.events.of(CaseDispatched.class)).hasSize(1);
        assertThat(world.cases.byId).containsOnlyKeys("CASE-LY20261128-c1");
    }

    @Test
    void crashBeforeAMergedComplaintJoinedItsCaseIsFinishedOnRedelivery() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        CaseFile beforeMerge = world.cases.byId.get("CASE-LY20261128-c1");
        ComplaintRegistered second = world.registered("c2", "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 100), null,
                World.MORNING);
        world.desk.registered(second);
        world.cases.byId.put(beforeMerge.id(), beforeMerge);

        world.desk.registered(second);

        assertThat(world.cases.byId.get("CASE-LY20261128-c1").complaintIds()).containsExactly("c1", "c2");
        assertThat(world.events.of(ComplaintMerged.class)).hasSize(2).extracting(ComplaintMerged::eventId).containsOnly(
                world.events.of(ComplaintMerged.class).get(0).eventId());
    }

    @Test
    void eachOutcomeCostsOneDecisionInsertAndAtMostOneCaseWriteWithoutReadingEither() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        assertThat(world.decisions.calls).containsExactly("insert");
        assertThat(world.cases.calls).containsExactly("insert");

        world.decisions.calls.clear();
        world.cases.calls.clear();
        world.desk.registered(world.registered("c2", "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 100), null,
                World.MORNING));
        assertThat(world.decisions.calls).containsExactly("insert");
        assertThat(world.cases.calls).containsExactly("addComplaint");

        world.decisions.calls.clear();
        world.cases.calls.clear();
        world.desk.registered(world.registered("c3", "AIR_DRAGON_FIRE", Luoyang.JIANXI, null, World.MORNING));
        assertThat(world.decisions.calls).containsExactly("insert");
        assertThat(world.cases.calls).isEmpty();
    }

    @Test
    void sameCategoryNearbyWithinTheWindowJoinsTheOpenCase() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        world.desk.registered(world.registered("c2", "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 150), null,
                World.MORNING.plus(Duration.ofHours(3))));

        ComplaintMerged merged = world.events.of(ComplaintMerged.class).get(0);
        assertThat(merged.caseId()).isEqualTo("CASE-LY20261128-c1");
        assertThat(merged.complaintId()).isEqualTo("c2");
        assertThat(merged.distanceMetres()).isBetween(140.0, 160.0);
        assertThat(merged.minutesApart()).isEqualTo(180);
        assertThat(world.cases.byId.get("CASE-LY20261128-c1").complaintIds()).containsExactly("c1", "c2");
        assertThat(world.decisions.byId("c2").orElseThrow().trace()).anyMatch(s -> s.step().equals("merge"));
    }

    @Test
    void anotherCategoryTooFarOrTooLateOpensItsOwnCase() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        world.desk.registered(world.registered("c2", "AIR_OPEN_BBQ", Luoyang.JIANXI, null, World.MORNING));
        world.desk.registered(world.registered("c3", "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 260), null, World.MORNING));
        world.desk.registered(world.registered("c4", "AIR_OPEN_BURNING", Luoyang.JIANXI, null,
                World.MORNING.plus(Duration.ofHours(25))));

        assertThat(world.events.of(ComplaintMerged.class)).isEmpty();
        assertThat(world.events.of(CaseDispatched.class)).hasSize(4);
    }

    @Test
    void aCaseOpenedNearbyBetweenReadingTheCellsAndClaimingThemTurnsTheOpeningIntoAMerge() {
        ComplaintRegistered here = world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);
        ComplaintRegistered there = world.registered("c2", "AIR_OPEN_BURNING", Luoyang.east(Luoyang.JIANXI, 150), null,
                World.MORNING);
        // another instance decides c2 completely while c1 has read the cells but not yet claimed them
        world.cells.beforeNextClaim = () -> world.desk.registered(there);

        world.desk.registered(here);

        assertThat(world.events.of(CaseDispatched.class)).extracting(CaseDispatched::caseId).containsExactly("CASE-LY20261128-c2");
        assertThat(world.events.of(ComplaintMerged.class)).singleElement().satisfies(m -> {
            assertThat(m.complaintId()).isEqualTo("c1");
            assertThat(m.caseId()).isEqualTo("CASE-LY20261128-c2");
        });
        assertThat(world.cases.byId).containsOnlyKeys("CASE-LY20261128-c2");
    }

    @Test
    void redeliveryOfTheComplaintThatOpenedAClosedCaseDoesNotMakeItAMergeTargetAgain() {
        ComplaintRegistered first = world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);
        world.desk.registered(first);
        world.closures.closed(new CaseClosed("closed-1", "CASE-LY20261128-c1", "RECTIFIED", "done", List.of("c1"), null,
                World.MORNING, 1));

        world.desk.registered(first);
        world.desk.registered(world.registered("c2", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));

        assertThat(world.cells.holds("CASE-LY20261128-c1")).isFalse();
        assertThat(world.events.of(ComplaintMerged.class)).isEmpty();
        assertThat(world.events.of(CaseDispatched.class)).extracting(CaseDispatched::caseId)
                .containsExactly("CASE-LY20261128-c1", "CASE-LY20261128-c1", "CASE-LY20261128-c2");
    }

    @Test
    void closedCaseIsNoLongerAMergeTarget() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        world.closures.closed(new CaseClosed("closed-1", "CASE-LY20261128-c1", "RECTIFIED", "done", List.of("c1"), null,
                World.MORNING, 1));

        world.desk.registered(world.registered("c2", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));

        assertThat(world.events.of(ComplaintMerged.class)).isEmpty();
        assertThat(world.cases.byId.get("CASE-LY20261128-c1").status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void mergeTargetsLiveInTheSharedStoreSoARestartedOrAnotherInstanceJoinsThem() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        World restarted = new World();
        restarted.cases.byId.putAll(world.cases.byId);
        restarted.cells.byCell.putAll(world.cells.byCell);

        restarted.desk.registered(restarted.registered("c2", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));

        assertThat(restarted.events.of(ComplaintMerged.class)).singleElement()
                .extracting(ComplaintMerged::caseId).isEqualTo("CASE-LY20261128-c1");
    }

    @Test
    void unknownCategoryAmbiguousAddressAndNoTerritoryWaitInTheQueueWithTheirReasons() {
        world.desk.registered(world.registered("c1", "AIR_DRAGON_FIRE", Luoyang.JIANXI, null, World.MORNING));
        world.desk.registered(world.registered("c2", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        world.desk.registered(world.registered("c3", "AIR_OPEN_BBQ", Luoyang.ZHENGZHOU, null, World.MORNING));

        assertThat(world.events.of(DispatchFailed.class)).extracting(DispatchFailed::reason)
                .containsExactly("UNKNOWN_CATEGORY", "AMBIGUOUS_ADDRESS", "NO_TERRITORY");
        assertThat(world.events.of(DispatchFailed.class).get(1).candidates()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(world.queue.waiting()).extracting(DecisionRecord::id).containsExactly("c1", "c2", "c3");
    }
}
