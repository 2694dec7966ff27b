package cn.luoyang.pollution.enforcement.console.office;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.console.Labels;
import cn.luoyang.pollution.enforcement.console.PeerService;
import cn.luoyang.pollution.enforcement.console.casepage.CaseAccounts;
import cn.luoyang.pollution.enforcement.console.inbox.InboxRow;
import cn.luoyang.pollution.enforcement.console.map.LuoyangMap;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 攻坚办: what rules could not dispatch (manual queue), disputes after two returns (arbitration),
 * the 挂牌督办 list, escalated cases and extension requests waiting for a supervisor.
 */
@Controller
class OfficeController {

    private static final Set<String> LEVELS = Set.of("DISTRICT", "CITY");
    private static final Set<String> PRIORITIES = Set.of("ROUTINE", "URGENT");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DispatchClient dispatch;
    private final CaseQueries queries;
    private final Labels labels;
    private final LuoyangMap map;
    private final MessageSource messages;
    private final Clock clock;
    private final CaseAccounts accounts;

    OfficeController(DispatchClient dispatch, CaseQueries queries, Labels labels, LuoyangMap map, MessageSource messages,
            Clock clock, CaseAccounts accounts) {
        this.accounts = accounts;
        this.dispatch = dispatch;
        this.queries = queries;
        this.labels = labels;
        this.map = map;
        this.messages = messages;
        this.clock = clock;
    }

    /** An escalated open case and its latest escalation line. */
    record Escalation(InboxRow row, HistoryEntry latest) {
    }

    @GetMapping("/console/office")
    String office(Officer officer, Model model) {
        Instant now = clock.instant();
        List<Case> open = queries.inbox(officer);
        PeerService.Listing queue = dispatch.queue();
        model.addAttribute("queue", queue);
        PeerService.Listing arbitrations = dispatch.arbitrations();
        model.addAttribute("arbitrations", arbitrations);
        model.addAttribute("returns", returnsOf(officer, arbitrations));
        model.addAttribute("complaints", complaintsOf(officer, queue, arbitrations));
        Map<String, Waiting> waiting = new HashMap<>();
        queue.rows().forEach(q -> putIfKnown(waiting, q.get("id"), Waiting.of(q, now, "failed.occurredAt", "decidedAt", "reportedAt")));
        arbitrations.rows().forEach(a -> putIfKnown(waiting, a.get("id"), Waiting.of(a, now, "lastFailure.occurredAt", "updatedAt")));
        model.addAttribute("waiting", waiting);
        model.addAttribute("defaultLeads", defaultLeads(arbitrations));
        model.addAttribute("supervised", queries.supervised(officer).stream().map(c -> InboxRow.of(c, now)).toList());
        model.addAttribute("escalations", open.stream()
                .flatMap(c -> c.history().entries().stream().filter(e -> "ESCALATED".equals(e.action()))
                        .reduce((a, b) -> b).map(e -> new Escalation(InboxRow.of(c, now), e)).stream())
                .sorted(Comparator.comparing((Escalation e) -> e.latest().at()).reversed()).toList());
        model.addAttribute("extensions", open.stream().filter(c -> c.pendingExtension().isPresent())
                .map(c -> InboxRow.of(c, now)).toList());
        model.addAttribute("mayDispatch", officer.role() == Role.CAMPAIGN_OFFICE || officer.role() == Role.ADMIN);
        if (!model.containsAttribute("keptOffice")) {
            model.addAttribute("keptOffice", Map.of());
        }
        return "console/office";
    }

    private static void putIfKnown(Map<String, Waiting> waiting, Object id, Waiting w) {
        if (id != null && w != null) {
            waiting.put(id.toString(), w);
        }
    }

    /** The lead preselected in each arbitration: the first department of the list that did not return the case. */
    private Map<String, String> defaultLeads(PeerService.Listing arbitrations) {
        Map<String, String> leads = new HashMap<>();
        for (Map<String, Object> row : arbitrations.rows()) {
            Object returnedBy = row.get("returnedBy");
            List<?> returned = returnedBy instanceof List<?> l ? l : List.of();
            labels.departments().stream().map(d -> d.code()).filter(code -> !returned.contains(code)).findFirst()
                    .ifPresent(code -> leads.put(String.valueOf(row.get("id")), code));
        }
        return leads;
    }

    /**
     * The complaint itself for each item, as the case page shows it: a queued complaint's account (it has no
     * case yet), a disputed case's accounts (its first report and every merged one).
     */
    private Map<String, List<CaseAccounts.Entry>> complaintsOf(Officer officer, PeerService.Listing queue,
            PeerService.Listing arbitrations) {
        Map<String, List<CaseAccounts.Entry>> out = new HashMap<>();
        queue.rows().forEach(q -> {
            if (q.get("id") != null) {
                out.put(q.get("id").toString(), accounts.ofComplaint(q.get("id").toString()));
            }
        });
        for (Map<String, Object> row : arbitrations.rows()) {
            if (row.get("id") != null) {
                try {
                    out.put(row.get("id").toString(), accounts.of(queries.get(officer, row.get("id").toString())));
                } catch (CaseNotFound notHereYet) {
                    out.put(row.get("id").toString(), List.of());
                }
            }
        }
        return out;
    }

    /** Each disputed case's returns (退单) as its timeline signed them: which unit, when, and why. */
    private Map<String, List<HistoryEntry>> returnsOf(Officer officer, PeerService.Listing arbitrations) {
        Map<String, List<HistoryEntry>> returns = new LinkedHashMap<>();
        for (Map<String, Object> row : arbitrations.rows()) {
            Object id = row.get("id");
            if (id == null) {
                continue;
            }
            try {
                returns.put(id.toString(), queries.get(officer, id.toString()).history().entries().stream()
                        .filter(e -> "RETURNED".equals(e.action())).toList());
            } catch (CaseNotFound notHereYet) {
                returns.put(id.toString(), List.of());
            }
        }
        return returns;
    }

    @PostMapping("/console/office/queue/{complaintId}/assign")
    String assign(Officer officer, @PathVariable String complaintId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes flash) {
        CaseAccess.requireRole(officer, Role.CAMPAIGN_OFFICE, Role.ADMIN);
        Map<String, Object> body = hand(form);
        String district = form.getFirst("districtCode");
        body.put("districtCode", district);
        body.put("assignedBy", officer.userId());
        body.put("note", blankToNull(form.getFirst("note")));
        Map<String, String> errors = check(body);
        if (district == null || map.districts().stream().noneMatch(d -> d.code().equals(map.geoJsonCode(district)))) {
            errors.put("districtCode", message("office.invalid.district"));
        }
        if (!errors.isEmpty()) {
            return refuse(complaintId, form, errors, flash);
        }
        if (report(dispatch.assign(complaintId, body), complaintId, form, form.getFirst("trackingNumber"), flash)) {
            flash.addFlashAttribute("doneForm", "/console/office/queue/" + complaintId + "/assign");
        }
        return "redirect:/console/office";
    }

    @PostMapping("/console/office/arbitrations/{caseId}/decide")
    String arbitrate(Officer officer, @PathVariable String caseId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes flash) {
        CaseAccess.requireRole(officer, Role.CAMPAIGN_OFFICE, Role.ADMIN);
        Map<String, Object> body = hand(form);
        body.put("decidedBy", officer.userId());
        body.put("reason", blankToNull(form.getFirst("reason")));
        Map<String, String> errors = check(body);
        if (body.get("reason") == null) {
            errors.put("reason", message("office.invalid.reason"));
        }
        if (!errors.isEmpty()) {
            return refuse(caseId, form, errors, flash);
        }
        if (report(dispatch.arbitrate(caseId, body), caseId, form, caseId, flash)) {
            flash.addFlashAttribute("doneForm", "/console/office/arbitrations/" + caseId + "/decide");
        }
        return "redirect:/console/office";
    }

    /** The fields a manual assignment and an arbitration share; departments are chosen from the catalogue's list. */
    private static Map<String, Object> hand(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadDepartment", form.getFirst("leadDepartment"));
        List<String> co = form.getOrDefault("coHandlingDepartments", List.of()).stream()
                .filter(d -> d != null && !d.isBlank()).distinct().toList();
        body.put("coHandlingDepartments", co);
        body.put("level", orDefault(form.getFirst("level"), "DISTRICT"));
        body.put("priority", orDefault(form.getFirst("priority"), "ROUTINE"));
        body.put("deadlineProfile", orDefault(form.getFirst("deadlineProfile"), "STANDARD"));
        return body;
    }

    /** What the console can tell before asking dispatch-service: departments of the catalogue, a known level. */
    private Map<String, String> check(Map<String, Object> body) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object lead = body.get("leadDepartment");
        if (lead == null || labels.catalogue().department(lead.toString()).isEmpty()) {
            errors.put("leadDepartment", message("office.invalid.lead"));
        }
        @SuppressWarnings("unchecked")
        List<String> co = (List<String>) body.get("coHandlingDepartments");
        if (co.stream().anyMatch(d -> labels.catalogue().department(d).isEmpty() || d.equals(lead))) {
            errors.put("coHandlingDepartments", message("office.invalid.co-handlers"));
        }
        if (!LEVELS.contains(body.get("level")) || !PRIORITIES.contains(body.get("priority"))) {
            errors.put("level", message("office.invalid.level"));
        }
        return errors;
    }

    /** The item's form comes back with what was chosen and typed, each refusal beside its field. */
    private String refuse(String id, MultiValueMap<String, String> form, Map<String, String> errors, RedirectAttributes flash) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("id", id);
        form.forEach((name, values) -> {
            if (!"_csrf".equals(name)) {
                kept.put(name, values.size() == 1 ? values.get(0) : List.copyOf(values));
            }
        });
        kept.put("coHandlingDepartments", List.copyOf(form.getOrDefault("coHandlingDepartments", List.of())));
        kept.put("errors", errors);
        flash.addFlashAttribute("keptOffice", kept);
        flash.addFlashAttribute("refused", String.join("; ", errors.values()));
        return "redirect:/console/office#item-" + id;
    }

    /** True when dispatch-service took it; else the form comes back with dispatch's refusal in words. */
    private boolean report(PeerService.Outcome outcome, String id, MultiValueMap<String, String> form, String what,
            RedirectAttributes flash) {
        if (outcome.ok()) {
            flash.addFlashAttribute("done", "office.dispatched");
            flash.addFlashAttribute("doneCase", what);
            return true;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (outcome.status() == 400) {
            fieldsOf(outcome.message()).forEach(field -> errors.put(field, message("office.refused.field")));
        }
        String said = switch (outcome.status()) {
            case 400 -> message("office.refused.invalid");
            case 404 -> message("office.refused.gone");
            case 409 -> message("office.refused.conflict");
            default -> message("office.dispatch-unavailable");
        };
        if (errors.isEmpty()) {
            errors.put("-", said);
        }
        refuse(id, form, errors, flash);
        flash.addFlashAttribute("refused", said);
        return false;
    }

    /** The fields dispatch-service's problem names ({@code errors[].field}), if it is one. */
    private static List<String> fieldsOf(String problem) {
        try {
            JsonNode errors = JSON.readTree(problem == null ? "{}" : problem).path("errors");
            return errors.valueStream().map(e -> e.path("field").asString("")).filter(f -> !f.isBlank()).toList();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
