package cn.luoyang.pollution.dispatch.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.dispatch.common.Conflict;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.dispatch.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualQueueTest {

    private final World world = new World();

    private ManualAssignment toOldTown(String lead) {
        return new ManualAssignment("410302", "410302001", null, lead, List.of("TOWNSHIP_GOVERNMENT"), "TOWNSHIP", "ROUTINE",
                "STANDARD", "攻坚办 值班员", "caller confirmed 西关");
    }

    @Test
    void queuedComplaintIsDispatchedByHandWithAManualTerritory() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));

        CaseDispatched event = world.queue.assign("c1", toOldTown("URBAN_MANAGEMENT"));

        assertThat(event.caseId()).isEqualTo("CASE-LY20261128-c1");
        assertThat(event.territory().foundBy()).isEqualTo(Territory.FoundBy.MANUAL);
        assertThat(event.territory().townshipName()).isEqualTo("西关街道");
        assertThat(event.trace()).anyMatch(s -> s.step().equals("manual"));
        assertThat(world.queue.waiting()).isEmpty();
        assertThat(world.decisions.byId("c1").orElseThrow().outcome()).isEqualTo(Outcome.ASSIGNED);
    }

    @Test
    void assigningTwiceOrAnUnqueuedComplaintIsAConflict() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        world.queue.assign("c1", toOldTown("URBAN_MANAGEMENT"));

        assertThatThrownBy(() -> world.queue.assign("c1", toOldTown("URBAN_MANAGEMENT"))).isInstanceOf(Conflict.class);
    }

    @Test
    void unknownDepartmentOrTownshipOfAnotherDistrictIsRejected() {
        world.desk.registered(world.registered("c1", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        ManualAssignment bad = new ManualAssignment("410305", "410302001", null, "NOBODY", List.of(), "TOWNSHIP", "ROUTINE",
                "STANDARD", "", null);

        assertThatThrownBy(() -> world.queue.assign("c1", bad)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).extracting(f -> f.field()).contains("leadDepartment", "townshipCode", "assignedBy"));
    }
}
