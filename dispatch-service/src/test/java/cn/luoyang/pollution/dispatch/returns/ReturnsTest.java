package cn.luoyang.pollution.dispatch.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.dispatch.common.Conflict;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.dispatching.Arbitration;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnsTest {

    private static final String CASE = "CASE-LY20261128-c1";

    private final World world = new World();

    private CaseReturned returned(String eventId, String department) {
        return new CaseReturned(eventId, CASE, department, "NOT_OUR_DUTY", "不属于本单位职责", 1, null, World.MORNING, 1);
    }

    private void openNightMuckTruckCase() {
        // 23:00 Beijing time: urban management leads, traffic police co-handle
        world.desk.registered(world.registered("c1", "AIR_MUCK_TRUCK", Luoyang.JIANXI, null,
                World.MORNING.plus(Duration.ofHours(13))));
    }

    @Test
    void returnedCaseIsReroutedWithoutTheReturningDepartmentUnderTheSameCaseId() {
        openNightMuckTruckCase();

        world.returns.returned(returned("r1", "URBAN_MANAGEMENT"));

        CaseDispatched rerouted = world.events.of(CaseDispatched.class).get(1);
        assertThat(rerouted.caseId()).isEqualTo(CASE);
        assertThat(rerouted.routingRound()).isEqualTo(2);
        assertThat(rerouted.leadDepartment()).isEqualTo("TRAFFIC_POLICE");
        assertThat(rerouted.coHandlingDepartments()).doesNotContain("URBAN_MANAGEMENT");
        assertThat(rerouted.trace()).anyMatch(s -> s.step().equals("return") && s.detail().contains("URBAN_MANAGEMENT"));
    }

    @Test
    void redeliveredReturnIsCountedOnce() {
        openNightMuckTruckCase();

        world.returns.returned(returned("r1", "URBAN_MANAGEMENT"));
        world.returns.returned(returned("r1", "URBAN_MANAGEMENT"));

        assertThat(world.cases.byId.get(CASE).returns()).isEqualTo(1);
        assertThat(world.events.of(CaseDispatched.class)).extracting(CaseDispatched::routingRound).containsExactly(1, 2, 2);
    }

    @Test
    void secondReturnSendsTheCaseToTheCampaignOffice() {
        openNightMuckTruckCase();

        world.returns.returned(returned("r1", "URBAN_MANAGEMENT"));
        world.returns.returned(returned("r2", "TRAFFIC_POLICE"));

        DispatchFailed failed = world.events.of(DispatchFailed.class).get(0);
        assertThat(failed.caseId()).isEqualTo(CASE);
        assertThat(failed.reason()).isEqualTo(Returns.RETURNED_TOO_OFTEN);
        assertThat(failed.candidates()).containsExactly("URBAN_MANAGEMENT", "TRAFFIC_POLICE");
        assertThat(world.returns.awaitingArbitration()).extracting(f -> f.id()).containsExactly(CASE);
    }

    @Test
    void theLimitIsConfigurable() {
        World patient = new World(3, 200, Duration.ofHours(24));
        patient.desk.registered(patient.registered("c1", "AIR_MUCK_TRUCK", Luoyang.JIANXI, null,
                World.MORNING.plus(Duration.ofHours(13))));

        patient.returns.returned(returned("r1", "URBAN_MANAGEMENT"));
        patient.returns.returned(returned("r2", "TRAFFIC_POLICE"));

        assertThat(patient.events.of(DispatchFailed.class)).isEmpty();
        assertThat(patient.events.of(CaseDispatched.class).get(2).leadDepartment()).isEqualTo("DISTRICT_GOVERNMENT");
    }

    @Test
    void campaignOfficeDecisionIsFinalRecordedAndPublishedAsArbitrated() {
        openNightMuckTruckCase();
        world.returns.returned(returned("r1", "URBAN_MANAGEMENT"));
        world.returns.returned(returned("r2", "TRAFFIC_POLICE"));

        CaseDispatched decided = world.returns.arbitrate(CASE, new Arbitration("URBAN_MANAGEMENT", List.of("TRAFFIC_POLICE"),
                "DISTRICT", "URGENT", "URGENT", "攻坚办 刘主任", "夜间渣土车由城管牵头, 交警配合", null));

        assertThat(decided.arbitrated()).isTrue();
        assertThat(decided.routingRound()).isEqualTo(3);
        assertThat(decided.caseId()).isEqualTo(CASE);
        assertThat(world.cases.byId.get(CASE).arbitrations()).singleElement()
                .extracting(Arbitration::decidedBy).isEqualTo("攻坚办 刘主任");
        assertThat(world.cases.byId.get(CASE).status()).isEqualTo(CaseStatus.OPEN);
        assertThatThrownBy(() -> world.returns.arbitrate(CASE, new Arbitration("URBAN_MANAGEMENT", List.of(), "DISTRICT",
                "URGENT", "URGENT", "someone", "again", null))).isInstanceOf(Conflict.class);
    }

    @Test
    void arbitrationWithoutAReasonOrWithAnUnknownDepartmentIsRejected() {
        assertThatThrownBy(() -> world.returns.arbitrate(CASE, new Arbitration("NOBODY", List.of(), "DISTRICT", "URGENT",
                "URGENT", "攻坚办", " ", null))).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).extracting(f -> f.field()).contains("leadDepartment", "reason"));
    }
}
