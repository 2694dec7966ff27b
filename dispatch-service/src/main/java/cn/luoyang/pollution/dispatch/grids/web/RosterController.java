package cn.luoyang.pollution.dispatch.grids.web;

import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.grids.GridRoster;
import cn.luoyang.pollution.dispatch.grids.Roster;
import cn.luoyang.pollution.kit.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The grid roster (网格员名册): whole imports from CSV, one grid's team at a time, and reads. */
@RestController
@RequestMapping("/dispatch/grids")
class RosterController {

    private final GridRoster roster;

    RosterController(GridRoster roster) {
        this.roster = roster;
    }

    /** A summary of a version: its number, who saved it and when, how many grids and people it names. */
    public record Saved(int version, int grids, int people, String changedBy, String note, java.time.Instant savedAt) {
        static Saved of(Roster r) {
            int people = r.teams().stream().mapToInt(t -> t.members().size() + (t.leader() == null ? 0 : 1)).sum();
            return new Saved(r.version(), r.teams().size(), people, r.changedBy(), r.note(), r.savedAt());
        }
    }

    public record TeamChange(GridTeam.Member leader, List<GridTeam.Member> members) {
    }

    @GetMapping("/roster")
    public Saved current() {
        return Saved.of(roster.current());
    }

    /** Replaces the whole roster: all rows or none; 400 names each broken {@code line N.field}. */
    @PutMapping(path = "/roster", consumes = {"text/csv", "text/plain"})
    public Saved importCsv(@RequestBody String csv, @RequestParam(required = false) String note, Caller caller) {
        RosterCsv.Parsed parsed = RosterCsv.read(csv);
        return Saved.of(roster.importRows(parsed.rows(), parsed.errors(), caller.name(), note == null ? "CSV import" : note));
    }

    @GetMapping("/{gridId}/team")
    public GridTeam team(@PathVariable String gridId) {
        return roster.team(gridId).orElseThrow(() -> new NotFound("the roster names nobody for grid " + gridId));
    }

    @PutMapping("/{gridId}/team")
    public GridTeam putTeam(@PathVariable String gridId, @RequestBody TeamChange change, Caller caller) {
        if (change == null) {
            throw new InvalidInput("body", "required: {leader, members}");
        }
        GridTeam team = new GridTeam(gridId, change.leader(), change.members());
        roster.putTeam(team, caller.name());
        return roster.team(gridId).orElse(team);
    }

    @DeleteMapping("/{gridId}/team")
    public Saved removeTeam(@PathVariable String gridId, Caller caller) {
        return Saved.of(roster.removeTeam(gridId, caller.name()));
    }
}
