package cn.luoyang.pollution.dispatch.grids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid roster (网格员名册): validated whole imports, one-grid edits, and the team named on the case of its grid. */
class GridRosterTest {

    private final World world = new World();

    private static RosterRow row(int line, String grid, String role, String user, String name) {
        return new RosterRow(line, grid, role, user, name);
    }

    @Test
    void anImportWithAnyBrokenRowSavesNothingAndNamesEachLineAndField() {
        List<RosterRow> rows = List.of(
                row(2, "410305-0017", "LEADER", "lead-17", "网格长 李强"),
                row(3, "410305-0017", "LEADER", "lead-17b", "网格长 二"),
                row(4, "410305-0017", "MEMBER", "lead-17", "重复的人"),
                row(5, "", "MEMBER", "m", "某"),
                row(6, "410305-0018", "MEMBER", "m2", " "));

        assertThatThrownBy(() -> world.roster.importRows(rows, List.of(), "campaign", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("line 3.role", "line 4.userId", "line 5.gridId", "line 6.name"));
        assertThat(world.roster.current().version()).isZero();
        assertThat(world.rosterStore.versions).isEmpty();
    }

    @Test
    void aValidImportReplacesTheRosterAndOneGridCanBeChangedOrRemovedAfterwards() {
        world.roster.importRows(List.of(row(2, "410305-0017", "LEADER", "lead-17", "网格长 李强"),
                row(3, "410305-0017", "member", "grid-jianxi", "网格员 周杰"),
                row(4, "410305-0018", "MEMBER", "m-18", "网格员 王磊")), List.of(), "campaign", "first");
        assertThat(world.roster.team("410305-0017").orElseThrow().leader().userId()).isEqualTo("lead-17");

        world.roster.putTeam(new GridTeam("410305-0018", new GridTeam.Member("lead-18", "网格长 赵"), List.of()), "campaign");
        world.roster.removeTeam("410305-0017", "campaign");

        assertThat(world.roster.current().version()).isEqualTo(3);
        assertThat(world.roster.team("410305-0017")).isEmpty();
        assertThat(world.roster.team("410305-0018").orElseThrow().leader().userId()).isEqualTo("lead-18");
        assertThatThrownBy(() -> world.roster.removeTeam("410305-0017", "campaign")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.roster.putTeam(new GridTeam("410305-9999", null, List.of()), "campaign"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("gridId", "members"));
    }

    @Test
    void aCaseInARosteredGridNamesItsLeaderAndMembersAndOneOutsideNamesNobody() {
        world.roster.importRows(List.of(row(2, "410305-0017", "LEADER", "lead-17", "网格长 李强"),
                row(3, "410305-0017", "MEMBER", "grid-jianxi", "网格员 周杰")), List.of(), "campaign", null);

        world.desk.registered(world.registered("c1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING));
        world.desk.registered(world.registered("c2", "AIR_OPEN_BURNING", Luoyang.OLD_TOWN, null, World.MORNING));

        List<CaseDispatched> events = world.events.of(CaseDispatched.class);
        assertThat(events.get(0).gridTeam().gridId()).isEqualTo(events.get(0).territory().gridId());
        assertThat(events.get(0).gridTeam().members()).extracting(GridTeam.Member::userId).containsExactly("grid-jianxi");
        assertThat(events.get(0).trace()).anyMatch(s -> s.step().equals("grid-team") && s.detail().contains("lead-17"));
        assertThat(events.get(1).gridTeam()).isNull();
        assertThat(events.get(1).trace()).anyMatch(s -> s.step().equals("grid-team") && s.detail().contains("names nobody"));
    }

    @Test
    void aComplaintAssignedByHandToARosteredGridNamesItsTeam() {
        world.roster.importRows(List.of(row(2, "410305-0017", "MEMBER", "grid-jianxi", "网格员 周杰")), List.of(), "campaign", null);
        world.desk.registered(world.registered("c1", "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));

        CaseDispatched byHand = world.queue.assign("c1", new ManualAssignment("410305", null, "410305-0017", "URBAN_MANAGEMENT",
                List.of(), "GRID", "ROUTINE", "STANDARD", "campaign", null));

        assertThat(byHand.gridTeam().members()).extracting(GridTeam.Member::userId).containsExactly("grid-jianxi");
    }
}
