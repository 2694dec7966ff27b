package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.cases.web.CaseSummary;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * 待办: the open cases of the signed-in person's unit, nearest deadline first. The filter form
 * re-renders only the table through htmx; without JavaScript it is an ordinary GET form.
 */
@Controller
class InboxController {

    private final CaseQueries queries;
    private final Clock clock;

    InboxController(CaseQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/console")
    String home(Officer officer) {
        if (officer.role() == Role.OPERATOR) {
            return "redirect:/console/callbacks";
        }
        return officer.role().readsAll() ? "redirect:/console/office" : "redirect:/console/inbox";
    }

    @GetMapping("/console/inbox")
    String inbox(Officer officer, InboxFilter filter, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Instant now = clock.instant();
        List<Case> open = queries.inbox(officer);
        List<InboxRow> rows = open.stream().filter(filter.asPredicate()).map(c -> InboxRow.of(c, now))
                .sorted(Comparator.comparing(InboxRow::summary, CaseSummary.BY_DEADLINE)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("categories", open.stream().map(Case::category).filter(Objects::nonNull).distinct().sorted().toList());
        Map<String, String> districts = new TreeMap<>();
        open.stream().filter(c -> c.territory() != null)
                .forEach(c -> districts.put(c.territory().districtCode(), c.territory().districtName()));
        model.addAttribute("districts", districts);
        model.addAttribute("states", List.of(CaseState.values()).stream().filter(CaseState::isOpen).toList());
        return htmx != null ? "console/inbox :: rows" : "console/inbox";
    }
}
