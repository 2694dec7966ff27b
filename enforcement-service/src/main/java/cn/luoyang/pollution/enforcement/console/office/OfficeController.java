package cn.luoyang.pollution.enforcement.console.office;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.console.inbox.InboxRow;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 攻坚办: what rules could not dispatch (manual queue), disputes after two returns (arbitration),
 * the 挂牌督办 list, escalated cases and extension requests waiting for a supervisor.
 */
@Controller
class OfficeController {

    private final DispatchClient dispatch;
    private final CaseQueries queries;
    private final Clock clock;

    OfficeController(DispatchClient dispatch, CaseQueries queries, Clock clock) {
        this.dispatch = dispatch;
        this.queries = queries;
        this.clock = clock;
    }

    /** An escalated open case and its latest escalation line. */
    record Escalation(InboxRow row, HistoryEntry latest) {
    }

    @GetMapping("/console/office")
    String office(Officer officer, Model model) {
        Instant now = clock.instant();
        List<Case> open = queries.inbox(officer);
        model.addAttribute("queue", dispatch.queue());
        model.addAttribute("arbitrations", dispatch.arbitrations());
        model.addAttribute("supervised", queries.supervised(officer).stream().map(c -> InboxRow.of(c, now)).toList());
        model.addAttribute("escalations", open.stream()
                .flatMap(c -> c.history().entries().stream().filter(e -> "ESCALATED".equals(e.action()))
                        .reduce((a, b) -> b).map(e -> new Escalation(InboxRow.of(c, now), e)).stream())
                .sorted(Comparator.comparing((Escalation e) -> e.latest().at()).reversed()).toList());
        model.addAttribute("extensions", open.stream().filter(c -> c.pendingExtension().isPresent())
                .map(c -> InboxRow.of(c, now)).toList());
        model.addAttribute("mayDispatch", officer.role() == Role.CAMPAIGN_OFFICE || officer.role() == Role.ADMIN);
        return "console/office";
    }

    @PostMapping("/console/office/queue/{complaintId}/assign")
    String assign(Officer officer, @PathVariable String complaintId, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        CaseAccess.requireRole(officer, Role.CAMPAIGN_OFFICE, Role.ADMIN);
        Map<String, Object> body = hand(form, officer);
        body.put("districtCode", form.get("districtCode"));
        body.put("assignedBy", officer.userId());
        body.put("note", blankToNull(form.get("note")));
        report(dispatch.assign(complaintId, body), form.get("trackingNumber"), flash);
        return "redirect:/console/office";
    }

    @PostMapping("/console/office/arbitrations/{caseId}/decide")
    String arbitrate(Officer officer, @PathVariable String caseId, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        CaseAccess.requireRole(officer, Role.CAMPAIGN_OFFICE, Role.ADMIN);
        Map<String, Object> body = hand(form, officer);
        body.put("decidedBy", officer.userId());
        body.put("reason", blankToNull(form.get("reason")));
        report(dispatch.arbitrate(caseId, body), caseId, flash);
        return "redirect:/console/office";
    }

    /** The fields a manual assignment and an arbitration share. */
    private static Map<String, Object> hand(Map<String, String> form, Officer officer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadDepartment", form.get("leadDepartment"));
        String co = form.getOrDefault("coHandlingDepartments", "");
        body.put("coHandlingDepartments", co.isBlank() ? List.of() : List.of(co.split("\\s*,\\s*")));
        body.put("level", form.getOrDefault("level", "DISTRICT"));
        body.put("priority", form.getOrDefault("priority", "ROUTINE"));
        body.put("deadlineProfile", form.getOrDefault("deadlineProfile", "STANDARD"));
        return body;
    }

    private static void report(DispatchClient.Outcome outcome, String what, RedirectAttributes flash) {
        if (outcome.ok()) {
            flash.addFlashAttribute("done", "office.dispatched");
            flash.addFlashAttribute("doneCase", what);
        } else {
            flash.addFlashAttribute("refused", outcome.status() + ": " + outcome.message());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
