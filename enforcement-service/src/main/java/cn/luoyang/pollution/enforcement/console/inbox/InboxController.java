package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.console.ConsoleProperties;
import cn.luoyang.pollution.enforcement.console.casepage.CaseActions;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 待办 / 已办: the work list of the signed-in person's unit (see {@link WorkList}). The filter form
 * re-renders only the table through htmx; without JavaScript it is an ordinary GET form. An open 待办
 * page asks {@code /console/inbox/news} every {@code console.inbox-poll-seconds} whether cases came
 * since it was drawn, and says so with a link that reloads it. A case waiting for an on-site step the
 * person may take (inspection, rectification recorded, 复查, 到期复查) is marked 待现场核查: for a grid
 * member, the cases of its grid to visit.
 */
@Controller
class InboxController {

    private final WorkList workList;
    private final Clock clock;
    private final int pollSeconds;

    InboxController(WorkList workList, Clock clock, ConsoleProperties properties) {
        this.workList = workList;
        this.clock = clock;
        this.pollSeconds = properties.inboxPollSeconds();
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
        List<Case> source = workList.source(officer, filter);
        model.addAttribute("rows", workList.rows(source, filter, now));
        // 待现场核查: the cases waiting for an on-site step this person may take (a grid member's work)
        model.addAttribute("onSite", source.stream().filter(c -> CaseActions.onSiteNow(officer, c, now)).map(Case::id)
                .collect(Collectors.toSet()));
        model.addAttribute("filter", filter);
        model.addAttribute("categories", source.stream().map(Case::category).filter(Objects::nonNull).distinct().sorted().toList());
        Map<String, String> districts = new TreeMap<>();
        source.stream().filter(c -> c.territory() != null)
                .forEach(c -> districts.put(c.territory().districtCode(), c.territory().districtName()));
        model.addAttribute("districts", districts);
        model.addAttribute("states", List.of(CaseState.values()).stream()
                .filter(s -> filter.searching() || s.isOpen() != filter.done()).toList());
        model.addAttribute("since", now.toEpochMilli());
        model.addAttribute("arrived", 0L);
        model.addAttribute("pollSeconds", pollSeconds);
        return htmx != null ? "console/inbox :: rows" : "console/inbox";
    }

    /** How many cases came to the unit since the page was drawn; the notice fragment that keeps polling. */
    @GetMapping("/console/inbox/news")
    String news(Officer officer, @RequestParam long since, Model model) {
        Instant now = clock.instant();
        model.addAttribute("since", since);
        model.addAttribute("arrived", workList.arrivedSince(officer, Instant.ofEpochMilli(since), now));
        model.addAttribute("pollSeconds", pollSeconds);
        return "console/inbox :: news";
    }
}
