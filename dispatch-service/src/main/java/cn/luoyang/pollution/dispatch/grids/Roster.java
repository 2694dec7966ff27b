package cn.luoyang.pollution.dispatch.grids;

import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the grid roster (网格员名册): for each grid its leader (网格长) and members (网格员).
 * A new version replaces the whole roster; version 0 is the empty roster before any import.
 */
public record Roster(int version, List<GridTeam> teams, String changedBy, String note, Instant savedAt) {

    public Roster {
        teams = List.copyOf(teams);
    }

    public static Roster empty() {
        return new Roster(0, List.of(), null, null, null);
    }

    /** The teams by grid id, for lookups on every dispatch. */
    Map<String, GridTeam> byGrid() {
        Map<String, GridTeam> byGrid = new LinkedHashMap<>();
        teams.forEach(t -> byGrid.put(t.gridId(), t));
        return byGrid;
    }
}
