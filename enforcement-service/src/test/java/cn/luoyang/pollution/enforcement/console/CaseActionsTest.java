package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.console.casepage.CaseActions;
import cn.luoyang.pollution.enforcement.console.casepage.CaseActions.Verb;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
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
        assertThat(CaseActions.allowed(LEAD, c)).doesNotContain(Verb.EXTENSION);
        assertThat(CaseActions.allowed(SUPERVISOR, c)).contains(Verb.EXTENSION_DECISION);
    }

    @Test
    void aClosureRequestIsOfferedForVerificationOnlyToSomeoneWhoDidNotHandleTheCase() {
        Case c = CaseMother.closureRequestedFrom(CaseState.VERIFIED); // cg-jianxi handled it, cg-jianxi-2 did the 复查
        assertThat(CaseActions.allowed(LEAD, c)).doesNotContain(Verb.CLOSURE_DECISION, Verb.CLOSE);
        assertThat(CaseActions.allowed(SECOND, c)).doesNotContain(Verb.CLOSURE_DECISION);
        assertThat(CaseActions.allowed(CO, c)).doesNotContain(Verb.CLOSURE_DECISION);
        assertThat(CaseActions.allowed(SUPERVISOR, c)).contains(Verb.CLOSURE_DECISION);
        Case onTheSpot = CaseMother.closureRequestedFrom(CaseState.ACCEPTED);
        assertThat(CaseActions.allowed(SECOND, onTheSpot)).contains(Verb.CLOSURE_DECISION);
    }

    private static java.util.Set<Verb> offered(Officer officer, CaseState state) {
        return CaseActions.allowed(officer, CaseMother.inState(state));
    }
}
