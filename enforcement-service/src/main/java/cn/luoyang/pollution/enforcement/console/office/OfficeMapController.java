package cn.luoyang.pollution.enforcement.console.office;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.console.Labels;
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
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 攻坚办作战图 ({@code GET /console/office/map}): every open case the signed-in overseer may see as a point on
 * the offline, server-drawn district outlines, grouped by {@link CaseClusters}' grid, filtered by a plain GET
 * form (category, district, state, overdue). A point links to its case; a cluster to the work list filtered
 * to its district (and category, when its cases share one) with the form's other choices. Online monitors with
 * an open case are drawn on top ({@link MonitorMarks}, {@code monitors=false} hides them), each linking to its case.
 */
@Controller
class OfficeMapController {

    private final CaseQueries queries;
    private final LuoyangMap map;
    private final Labels labels;
    private final Clock clock;
    private final ReporterAccounts accounts;

    OfficeMapController(CaseQueries queries, LuoyangMap map, Labels labels, Clock clock, ReporterAccounts accounts) {
        this.accounts = accounts;
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
        model.addAttribute("monitors", Boolean.FALSE.equals(filter.monitors()) ? List.of() : monitors(openCases, filter));
        model.addAttribute("categories", open.stream().map(CaseClusters.Spot::category).filter(Objects::nonNull)
                .distinct().sorted().toList());
        Map<String, String> districts = new TreeMap<>();
        open.stream().map(CaseClusters.Spot::districtCode).filter(Objects::nonNull)
                .forEach(code -> districts.put(code, labels.district(code)));
        model.addAttribute("districts", districts);
        model.addAttribute("states", List.of(CaseState.values()).stream().filter(CaseState::isOpen).toList());
        return "console/office-map";
    }

    /** Monitors with an open case among those the form keeps (the overdue and state choices apply to their cases). */
    private List<MonitorMarks.Mark> monitors(List<Case> open, MapFilter filter) {
        Instant now = clock.instant();
        List<Case> kept = open.stream().filter(c -> filter.keeps(spot(c, now)) && !c.complaintIds().isEmpty()).toList();
        Map<String, ReporterAccount.Monitor> triggers = accounts.monitorsOf(kept.stream().map(c -> c.complaintIds().get(0)).toList());
        return MonitorMarks.of(kept.stream().filter(c -> triggers.containsKey(c.complaintIds().get(0))).map(c -> {
            ReporterAccount.Monitor m = triggers.get(c.complaintIds().get(0));
            return new MonitorMarks.Fault(m.mn(), m.kind(), c.id(), c.trackingNumber(), c.location());
        }).toList());
    }

    private static CaseClusters.Spot spot(Case c, Instant now) {
        return new CaseClusters.Spot(c.id(), c.trackingNumber(), c.category(),
                c.territory() == null ? null : c.territory().districtCode(), c.state().name(), c.clocks().overdueAt(now),
                c.location());
    }
}
