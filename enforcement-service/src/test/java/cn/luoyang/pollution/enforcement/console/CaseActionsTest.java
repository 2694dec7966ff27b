package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.console.casepage.CaseActions;
import cn.luoyang.pollution.enforcement.console.casepage.CaseActions.Verb;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The case page offers exactly the verbs the case's state can take and the person may perform. */
class CaseActionsTest {

    static final Officer LEAD = new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);
    static final Officer SECOND = new Officer("cg-jianxi-2", "李娜", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);
    static final Officer CO = new Officer("sthj-jianxi", "王强", Role.HANDLER, "ECOLOGY_ENVIRONMENT", "410305", null);
    static final Officer OTHER_UNIT = new Officer("cg-laocheng", "黄敏", Role.HANDLER, "URBAN_MANAGEMENT", "410302", null);
    static final Officer SUPERVISOR = new Officer("supervisor", "郑浩", Role.SUPERVISOR, "CAMPAIGN_OFFICE", "410300", null);
    /** The grid member of the mother's grid (410305-0017), and one of another grid. */
    static final Officer GRID = new Officer("grid-jianxi", "赵磊", Role.GRID_MEMBER, "GRID", "410305", "410305-0017");
    static final Officer OTHER_GRID = new Officer("grid-laocheng", "钱军", Role.GRID_MEMBER, "GRID", "410302", "410302-0003");
    /** Within the day of the mother's steps: before any rectification deadline. */
    static final Instant NOW = CaseMother.T0.plus(Duration.ofHours(4));

    @Test
    void theLeadHandlerIsOfferedTheNextStepsOfEachState() {
        assertThat(offered(LEAD, CaseState.DISPATCHED)).containsExactlyInAnyOrder(Verb.ACCEPT, Verb.RETURN, Verb.EXTENSION);
        assertThat(offered(LEAD, CaseState.ACCEPTED)).containsExactlyInAnyOrder(Verb.INSPECT, Verb.CLOSE, Verb.EXTENSION);
        assertThat(offered(LEAD, CaseState.INSPECTING))
                .containsExactlyInAnyOrder(Verb.UNFOUNDED, Verb.RECTIFICATION, Verb.PENALTY, Verb.EXTENSION);
        assertThat(offered(LEAD, CaseState.RECTIFICATION_ORDERED))
                .containsExactlyInAnyOrder(Verb.RECTIFIED, Verb.PENALTY, Verb.EXTENSION);
        assertThat(offered(LEAD, CaseState.UNFOUNDED)).containsExactlyInAnyOrder(Verb.CLOSE, Verb.EXTENSION);
        assertThat(offered(LEAD, CaseState.PENALIZED)).containsExactlyInAnyOrder(Verb.RECTIFICATION, Verb.CLOSE, Verb.EXTENSION);
        assertThat(offered(LEAD, CaseState.CLOSED)).isEmpty();
        assertThat(offered(LEAD, CaseState.RETURNED)).isEmpty();
        assertThat(offered(LEAD, CaseState.REOPENED)).containsExactlyInAnyOrder(Verb.INSPECT, Verb.EXTENSION);
    }

    @Test
    void theInspectorIsNotOfferedToVerifyTheirOwnCaseButAColleagueIs() {
        assertThat(offered(LEAD, CaseState.RECTIFIED)).doesNotContain(Verb.VERIFY).contains(Verb.RECTIFICATION);
        assertThat(offered(SECOND, CaseState.RECTIFIED)).contains(Verb.VERIFY);
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void aHandlerOfAnotherUnitIsOfferedNothingInAnyState(CaseState state) {
        assertThat(offered(OTHER_UNIT, state)).isEmpty();
    }

    @Test
    void aCoHandlerRecordsItsPartOnlyOnceTheCaseIsBeingHandled() {
        assertThat(offered(CO, CaseState.DISPATCHED)).isEmpty();
        assertThat(offered(CO, CaseState.INSPECTING)).containsExactly(Verb.CONTRIBUTION);
    }

    @Test
    void aSupervisorListsUrgesAndReopensButNeverWorksTheCase() {
        assertThat(offered(SUPERVISOR, CaseState.INSPECTING)).containsExactlyInAnyOrder(Verb.SUPERVISE, Verb.URGE);
        assertThat(offered(SUPERVISOR, CaseState.CLOSED)).containsExactlyInAnyOrder(Verb.SUPERVISE, Verb.REOPEN);
    }

    @Test
    void aPendingExtensionIsOfferedToTheSupervisorAndNotRequestedTwice() {
        Case c = CaseMother.inState(CaseState.ACCEPTED);
        c.requestExtension(CaseMother.LEAD, CaseMother.T0.plusSeconds(3600), 5, "企业停产检修, 需等待复产后核查");
        assertThat(CaseActions.allowed(LEAD, c, NOW)).doesNotContain(Verb.EXTENSION);
        assertThat(CaseActions.allowed(SUPERVISOR, c, NOW)).contains(Verb.EXTENSION_DECISION);
    }

    @Test
    void aClosureRequestIsOfferedForVerificationOnlyToSomeoneWhoDidNotHandleTheCase() {
        Case c = CaseMother.closureRequestedFrom(CaseState.VERIFIED); // cg-jianxi handled it, cg-jianxi-2 did the 复查
        assertThat(CaseActions.allowed(LEAD, c, NOW)).doesNotContain(Verb.CLOSURE_DECISION, Verb.CLOSE);
        assertThat(CaseActions.allowed(SECOND, c, NOW)).doesNotContain(Verb.CLOSURE_DECISION);
        assertThat(CaseActions.allowed(CO, c, NOW)).doesNotContain(Verb.CLOSURE_DECISION);
        assertThat(CaseActions.allowed(SUPERVISOR, c, NOW)).contains(Verb.CLOSURE_DECISION);
        Case onTheSpot = CaseMother.closureRequestedFrom(CaseState.ACCEPTED);
        assertThat(CaseActions.allowed(SECOND, onTheSpot, NOW)).contains(Verb.CLOSURE_DECISION);
    }

    @Test
    void theCasesGridMemberIsOfferedTheOnSiteStepsAndAnotherGridsMemberNothing() {
        assertThat(offered(GRID, CaseState.ACCEPTED)).containsExactly(Verb.INSPECT);
        assertThat(offered(GRID, CaseState.INSPECTING)).containsExactly(Verb.UNFOUNDED);
        assertThat(offered(GRID, CaseState.RECTIFICATION_ORDERED)).containsExactly(Verb.RECTIFIED);
        assertThat(offered(GRID, CaseState.RECTIFIED)).contains(Verb.VERIFY);
        assertThat(CaseActions.onSiteNow(GRID, CaseMother.inState(CaseState.ACCEPTED), NOW)).isTrue();
        assertThat(CaseActions.onSiteNow(GRID, CaseMother.inState(CaseState.DISPATCHED), NOW)).as("not yet signed for").isFalse();
        for (CaseState state : CaseState.values()) {
            assertThat(offered(OTHER_GRID, state)).as(state.name()).isEmpty();
        }
    }

    @Test
    void theRectificationCheckIsOfferedOnSiteOnlyOnceTheOrdersDeadlineHasPassed() {
        Case ordered = CaseMother.inState(CaseState.RECTIFICATION_ORDERED); // rectify within seven days
        Instant afterDeadline = CaseMother.T0.plus(Duration.ofDays(9));
        assertThat(CaseActions.allowed(GRID, ordered, NOW)).doesNotContain(Verb.RECTIFICATION_CHECK);
        assertThat(CaseActions.allowed(GRID, ordered, afterDeadline)).contains(Verb.RECTIFICATION_CHECK);
        assertThat(CaseActions.allowed(LEAD, ordered, afterDeadline)).contains(Verb.RECTIFICATION_CHECK);
        assertThat(CaseActions.allowed(OTHER_GRID, ordered, afterDeadline)).isEmpty();
        assertThat(CaseActions.allowed(SUPERVISOR, ordered, afterDeadline)).doesNotContain(Verb.RECTIFICATION_CHECK);
    }

    private static java.util.Set<Verb> offered(Officer officer, CaseState state) {
        return CaseActions.allowed(officer, CaseMother.inState(state), NOW);
    }
}
