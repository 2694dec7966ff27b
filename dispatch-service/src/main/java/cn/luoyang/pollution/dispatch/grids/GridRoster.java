package cn.luoyang.pollution.dispatch.grids;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.common.LatestVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The grid roster (网格员名册) in force: who leads and who works each grid, so that a case names its
 * grid's people. Imported whole from CSV (all rows or none) or changed one grid at a time; every
 * change is a new version. Like the rule table ({@link LatestVersion}), the latest version number is read at most
 * once per {@code ttl}: a roster saved through this instance names its very next case's team, one saved through
 * another instance does here within the ttl.
 */
public final class GridRoster {

    public static final String LEADER = "LEADER";
    public static final String MEMBER = "MEMBER";

    private final Rosters store;
    private final Predicate<String> knownGrid;
    private final Clock clock;
    private final LatestVersion<Indexed> inForce;

    /** A roster that reads the latest version number before every use (no ttl). */
    public GridRoster(Rosters store, Predicate<String> knownGrid, Clock clock) {
        this(store, knownGrid, clock, Duration.ZERO, System::nanoTime);
    }

    /**
     * @param knownGrid whether a grid id is a cell of the grid in force (the dispatcher's lattice)
     * @param ttl       how long a version number read from the store is trusted before it is read again
     * @param nanoTime  a monotonic clock for the ttl ({@code System::nanoTime})
     */
    public GridRoster(Rosters store, Predicate<String> knownGrid, Clock clock, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.knownGrid = knownGrid;
        this.clock = clock;
        this.inForce = new LatestVersion<>(new Indexed(Roster.empty()), store::latestVersion,
                version -> store.version(version).map(Indexed::new), indexed -> indexed.roster().version(), ttl, nanoTime);
    }

    /** The roster in force (version 0, empty, before any import). */
    public Roster current() {
        return indexed().roster;
    }

    /** The team of a grid, if the roster names anyone for it. */
    public Optional<GridTeam> team(String gridId) {
        return gridId == null ? Optional.empty() : Optional.ofNullable(indexed().byGrid.get(gridId));
    }

    /** Replaces the whole roster by the rows of an import; {@link InvalidInput} naming {@code line N.field} for each broken row, and nothing saved. */
    public Roster importRows(List<RosterRow> rows, List<FieldError> parseErrors, String changedBy, String note) {
        List<FieldError> errors = new ArrayList<>(parseErrors);
        Map<String, GridTeam> teams = teamsOf(rows, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return change(ignored -> teams, changedBy, note);
    }

    /** Adds or replaces one grid's team. */
    public Roster putTeam(GridTeam team, String changedBy) {
        List<FieldError> errors = new ArrayList<>();
        check(team, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return change(teams -> {
            teams.put(team.gridId(), team);
            return teams;
        }, changedBy, "team of " + team.gridId());
    }

    public Roster removeTeam(String gridId, String changedBy) {
        return change(teams -> {
            if (teams.remove(gridId) == null) {
                throw new NotFound("the roster names nobody for grid " + gridId);
            }
            return teams;
        }, changedBy, "team of " + gridId + " removed");
    }

    private Roster change(UnaryOperator<Map<String, GridTeam>> edit, String changedBy, String note) {
        while (true) {
            Roster base = inForce.latest().roster();
            Map<String, GridTeam> teams = edit.apply(new LinkedHashMap<>(base.byGrid()));
            Roster next = new Roster(base.version() + 1, List.copyOf(teams.values()), changedBy, note, clock.instant());
            if (store.add(next)) {
                inForce.stored(new Indexed(next));
                return next;
            }
            // another import or edit took that number meanwhile: apply this one on top of it
        }
    }

    private Indexed indexed() {
        return inForce.get();
    }

    private Map<String, GridTeam> teamsOf(List<RosterRow> rows, List<FieldError> errors) {
        Map<String, GridTeam.Member> leaders = new LinkedHashMap<>();
        Map<String, List<GridTeam.Member>> members = new LinkedHashMap<>();
        Map<String, Integer> leaderLine = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (RosterRow row : rows) {
            String at = "line " + row.line() + ".";
            boolean ok = true;
            if (blank(row.gridId())) {
                errors.add(new FieldError(at + "gridId", "required"));
                ok = false;
            } else if (!knownGrid.test(row.gridId().strip())) {
                errors.add(new FieldError(at + "gridId", "unknown grid " + row.gridId() + " (ids look like 410305-0017)"));
                ok = false;
            }
            String role = row.role() == null ? "" : row.role().strip().toUpperCase();
            if (!role.equals(LEADER) && !role.equals(MEMBER)) {
                errors.add(new FieldError(at + "role", "must be LEADER or MEMBER, not " + row.role()));
                ok = false;
            }
            if (blank(row.userId())) {
                errors.add(new FieldError(at + "userId", "required"));
                ok = false;
            }
            if (blank(row.name())) {
                errors.add(new FieldError(at + "name", "required"));
                ok = false;
            }
            if (!ok) {
                continue;
            }
            String grid = row.gridId().strip();
            GridTeam.Member person = new GridTeam.Member(row.userId().strip(), row.name().strip());
            if (!seen.add(grid + "\u0000" + person.userId())) {
                errors.add(new FieldError(at + "userId", person.userId() + " is named twice for grid " + grid));
            } else if (role.equals(LEADER)) {
                if (leaders.containsKey(grid)) {
                    errors.add(new FieldError(at + "role", "grid " + grid + " has a leader already (line "
                            + leaderLine.get(grid) + ")"));
                } else {
                    leaders.put(grid, person);
                    leaderLine.put(grid, row.line());
                    members.computeIfAbsent(grid, g -> new ArrayList<>());
                }
            } else {
                members.computeIfAbsent(grid, g -> new ArrayList<>()).add(person);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("file", "no rows: a roster names at least one person"));
        }
        Map<String, GridTeam> teams = new LinkedHashMap<>();
        members.forEach((grid, list) -> teams.put(grid, new GridTeam(grid, leaders.get(grid), list)));
        return teams;
    }

    private void check(GridTeam team, List<FieldError> errors) {
        if (team.gridId() == null || !knownGrid.test(team.gridId())) {
            errors.add(new FieldError("gridId", "unknown grid " + team.gridId()));
        }
        if (team.leader() == null && team.members().isEmpty()) {
            errors.add(new FieldError("members", "a team names a leader or at least one member"));
        }
        if (team.leader() != null) {
            person(team.leader(), "leader", errors);
        }
        Set<String> ids = new HashSet<>();
        if (team.leader() != null && team.leader().userId() != null) {
            ids.add(team.leader().userId());
        }
        for (int i = 0; i < team.members().size(); i++) {
            GridTeam.Member m = team.members().get(i);
            person(m, "members[" + i + "]", errors);
            if (m.userId() != null && !ids.add(m.userId())) {
                errors.add(new FieldError("members[" + i + "].userId", m.userId() + " is named twice"));
            }
        }
    }

    private static void person(GridTeam.Member m, String field, List<FieldError> errors) {
        if (blank(m.userId())) {
            errors.add(new FieldError(field + ".userId", "required"));
        }
        if (blank(m.name())) {
            errors.add(new FieldError(field + ".name", "required"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private record Indexed(Roster roster, Map<String, GridTeam> byGrid) {
        Indexed(Roster roster) {
            this(roster, roster.byGrid());
        }
    }
}
