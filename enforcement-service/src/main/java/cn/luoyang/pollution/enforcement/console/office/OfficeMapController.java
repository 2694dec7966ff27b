package cn.luoyang.pollution.enforcement.console.office;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.console.Labels;
import cn.luoyang.pollution.enforcement.console.PeerService.Listing;
import cn.luoyang.pollution.enforcement.console.map.CaseClusters;
import cn.luoyang.pollution.enforcement.console.map.LuoyangMap;
import cn.luoyang.pollution.enforcement.console.map.MonitorMarks;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 攻坚办作战图 ({@code GET /console/office/map}): every open case the signed-in overseer may see as a point on
 * the offline, server-drawn district outlines, grouped by {@link CaseClusters}' grid, filtered by a plain GET
 * form (category, district, state, overdue). A point links to its case; a cluster to the work list filtered
 * to its district (and category, when its cases share one) with the form's other choices. Online monitors are drawn
 * on top ({@link MonitorMarks}, {@code monitors=false} hides them): every monitor of dispatch-service's registry
 * (read through {@link DispatchClient}, cached) in the state of its open cases, one with an open case linking to it.
 * When dispatch does not answer, only the monitors with an open case are drawn and the page says so.
 */
@Controller
class OfficeMapController {

    private final CaseQueries queries;
    private final LuoyangMap map;
    private final Labels labels;
    private final Clock clock;
    private final ReporterAccounts accounts;
    private final DispatchClient dispatch;

    OfficeMapController(CaseQueries queries, LuoyangMap map, Labels labels, Clock clock, ReporterAccounts accounts,
            DispatchClient dispatch) {
        this.accounts = accounts;
        this.dispatch = dispatch;
        this.queries = queries;
        this.map = map;
        this.labels = labels;
        this.clock = clock;
    }

    /** The form's choices; blank means any, {@code overdue=true} only cases past a deadline. */
    record MapFilter(String category, String district, String state, Boolean overdue, Boolean monitors) {

        boolean keeps(CaseClusters.Spot s) {
            return matches(category, s.category()) && matches(district, s.districtCode()) && matches(state, s.state())
                    && (!Boolean.TRUE.equals(overdue) || s.overdue());
        }

        /** Only the place is chosen: a monitor without an open case belongs on such a map. */
        boolean onlyPlace() {
            return (category == null || category.isBlank()) && (state == null || state.isBlank()) && !Boolean.TRUE.equals(overdue);
        }

        private static boolean matches(String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equals(actual);
        }
    }

    @GetMapping("/console/office/map")
    String map(Officer officer, MapFilter filter, Model model) {
        CaseAccess.requireRole(officer, Role.CAMPAIGN_OFFICE, Role.SUPERVISOR, Role.DISCIPLINE, Role.ADMIN);
        Instant now = clock.instant();
        List<Case> openCases = queries.inbox(officer).stream().filter(c -> c.state().isOpen()).toList();
        List<CaseClusters.Spot> open = openCases.stream().map(c -> spot(c, now)).toList();
        List<CaseClusters.Spot> shown = open.stream().filter(filter::keeps).toList();
        String district = filter.district() == null || filter.district().isBlank() ? null : map.geoJsonCode(filter.district());
        model.addAttribute("filter", filter);
        model.addAttribute("view", CaseClusters.of(map, district, shown));
        if (Boolean.FALSE.equals(filter.monitors())) {
            model.addAttribute("monitors", List.of());
        } else {
            Listing registry = dispatch.monitors();
            model.addAttribute("monitors", monitors(openCases, filter, registry.rows()));
            model.addAttribute("registryUnavailable", registry.unavailable() != null);
        }
        model.addAttribute("categories", open.stream().map(CaseClusters.Spot::category).filter(Objects::nonNull)
                .distinct().sorted().toList());
        Map<String, String> districts = new TreeMap<>();
        open.stream().map(CaseClusters.Spot::districtCode).filter(Objects::nonNull)
                .forEach(code -> districts.put(code, labels.district(code)));
        model.addAttribute("districts", districts);
        model.addAttribute("states", List.of(CaseState.values()).stream().filter(CaseState::isOpen).toList());
        return "console/office-map";
    }

    /**
     * The registry's monitors (those in the chosen district; none when a category, state or overdue is chosen) and the
     * monitors with an open case among those the form keeps. A monitor whose open cases the form hides is not drawn,
     * so that it never shows as fine.
     */
    private List<MonitorMarks.Mark> monitors(List<Case> open, MapFilter filter, List<Map<String, Object>> registry) {
        Instant now = clock.instant();
        List<MonitorMarks.Fault> all = faults(open.stream().filter(c -> !c.complaintIds().isEmpty()).toList());
        Set<String> keptCases = open.stream().filter(c -> filter.keeps(spot(c, now))).map(Case::id).collect(Collectors.toSet());
        List<MonitorMarks.Fault> kept = all.stream().filter(f -> keptCases.contains(f.caseId())).toList();
        Set<String> hidden = all.stream().filter(f -> !keptCases.contains(f.caseId())).map(MonitorMarks.Fault::mn)
                .collect(Collectors.toSet());
        Set<String> shown = kept.stream().map(MonitorMarks.Fault::mn).collect(Collectors.toSet());
        List<MonitorMarks.Registered> registered = registry.stream().map(OfficeMapController::registered)
                .filter(Objects::nonNull)
                .filter(r -> shown.contains(r.mn()) || !hidden.contains(r.mn()) && filter.onlyPlace()
                        && MapFilter.matches(filter.district(), r.districtCode()))
                .toList();
        return MonitorMarks.of(registered, kept);
    }

    private List<MonitorMarks.Fault> faults(List<Case> cases) {
        Map<String, ReporterAccount.Monitor> triggers = accounts.monitorsOf(cases.stream().map(c -> c.complaintIds().get(0)).toList());
        return cases.stream().filter(c -> triggers.containsKey(c.complaintIds().get(0))).map(c -> {
            ReporterAccount.Monitor m = triggers.get(c.complaintIds().get(0));
            return new MonitorMarks.Fault(m.mn(), m.kind(), c.id(), c.trackingNumber(), c.location());
        }).toList();
    }

    /** One row of dispatch's {@code GET /dispatch/monitors}; null when it lacks an MN or a position. */
    static MonitorMarks.Registered registered(Map<String, Object> row) {
        if (!(row.get("mn") instanceof String mn) || !(row.get("longitude") instanceof Number lon)
                || !(row.get("latitude") instanceof Number lat)) {
            return null;
        }
        GeoPoint.Datum datum = "WGS84".equals(row.get("datum")) ? GeoPoint.Datum.WGS84 : GeoPoint.Datum.GCJ02;
        return new MonitorMarks.Registered(mn, row.get("sourceName") instanceof String name ? name : null,
                row.get("districtCode") instanceof String d ? d : null, new GeoPoint(lon.doubleValue(), lat.doubleValue(), datum));
    }

    private static CaseClusters.Spot spot(Case c, Instant now) {
        return new CaseClusters.Spot(c.id(), c.trackingNumber(), c.category(),
                c.territory() == null ? null : c.territory().districtCode(), c.state().name(), c.clocks().overdueAt(now),
                c.location());
    }
}
