package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.EvidenceFile;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.cases.application.CaseEvidence;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.console.Wording;
import cn.luoyang.pollution.enforcement.console.casepage.CaseActions.Verb;
import cn.luoyang.pollution.enforcement.console.inbox.Urgency;
import cn.luoyang.pollution.enforcement.console.map.GridLines;
import cn.luoyang.pollution.enforcement.console.map.LuoyangMap;
import cn.luoyang.pollution.enforcement.console.office.DispatchClient;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 案件详情: the case, the reporters' accounts (举报内容), its place on the map (with its grid's outline and
 * the grids around it, read from dispatch-service; without them when dispatch does not answer), the dispatch trace,
 * the signed timeline, and one form per action the person may take now. Each form posts to
 * {@link CaseService}, which signs the action with the signed-in officer and refuses whatever the
 * state or the role does not allow.
 */
@Controller
class CasePageController {

    private static final ZoneId LUOYANG = ZoneId.of("Asia/Shanghai");

    private final CaseQueries queries;
    private final CaseService service;
    private final CaseEvidence evidence;
    private final LuoyangMap map;
    private final CaseAccounts accounts;
    private final Wording wording;
    private final Clock clock;
    private final DispatchClient dispatch;

    CasePageController(CaseQueries queries, CaseService service, CaseEvidence evidence, LuoyangMap map, CaseAccounts accounts,
            Wording wording, Clock clock, DispatchClient dispatch) {
        this.dispatch = dispatch;
        this.queries = queries;
        this.service = service;
        this.evidence = evidence;
        this.map = map;
        this.accounts = accounts;
        this.wording = wording;
        this.clock = clock;
    }

    @GetMapping("/console/cases/{caseId}")
    String page(Officer officer, @PathVariable String caseId, Model model) {
        Case c = queries.get(officer, caseId);
        Instant now = clock.instant();
        model.addAttribute("c", c);
        model.addAttribute("urgency", Urgency.of(c, now));
        model.addAttribute("actions", CaseActions.allowed(officer, c, now));
        model.addAttribute("timeline", c.history().entries());
        model.addAttribute("approvals", approvals(c));
        model.addAttribute("files", evidence.of(officer, caseId));
        model.addAttribute("canUpload", mayUpload(officer, c));
        if (!model.containsAttribute("kept")) {
            model.addAttribute("kept", KeptForm.NONE);
        }
        List<CaseAccounts.Entry> entries = accounts.of(c);
        model.addAttribute("accounts", entries);
        model.addAttribute("monitor", MonitorPanel.of(entries));
        model.addAttribute("map", map.around(c.territory() == null ? null : c.territory().districtCode(), c.location()));
        String gridId = c.territory() == null ? null : c.territory().gridId();
        model.addAttribute("gridId", gridId);
        model.addAttribute("grid", gridId == null ? null
                : dispatch.gridOutline(gridId).map(outline -> GridLines.of(gridId, outline)).orElse(null));
        model.addAttribute("defaultDeadline", LocalDateTime.ofInstant(now, LUOYANG).plusDays(7).withHour(17).withMinute(0)
                .withSecond(0).withNano(0).toString());
        return "console/case";
    }

    /** 办结审核意见: the verifier's note on each approved closure, by the time of its CLOSED entry. */
    private static Map<Instant, String> approvals(Case c) {
        Map<Instant, String> notes = new HashMap<>();
        c.closureRequests().stream()
                .filter(r -> r.approved() && r.decision().note() != null && !r.decision().note().isBlank())
                .forEach(r -> notes.put(r.decision().at(), r.decision().note()));
        return notes;
    }

    private static boolean mayUpload(Officer officer, Case c) {
        try {
            CaseAccess.requireEvidenceUploader(officer, c);
            return c.state().isOpen();
        } catch (AccessDenied denied) {
            return false;
        }
    }

    /** 取证材料: upload files to the case, to be cited later (the closure form lists them). */
    @PostMapping("/console/cases/{caseId}/evidence")
    String upload(Officer officer, @PathVariable String caseId, @ModelAttribute ActionForm form, RedirectAttributes flash) {
        List<EvidenceFile> uploaded = new ArrayList<>();
        try {
            uploaded = store(officer, caseId, form.photos());
            if (uploaded.isEmpty()) {
                throw new IllegalArgumentException("the file is empty");
            }
            flash.addFlashAttribute("done", "evidence.uploaded");
        } catch (IllegalArgumentException refused) {
            evidence.discard(uploaded); // all of the form's files or none
            Wording.Refusal said = wording.refusal(refused.getMessage());
            flash.addFlashAttribute("refused", said.message());
            flash.addFlashAttribute("kept", KeptForm.of("evidence", form, said.field(), said.message()));
        }
        return "redirect:/console/cases/" + caseId + "#evidence";
    }

    private List<EvidenceFile> store(Officer officer, String caseId, List<MultipartFile> files) {
        List<EvidenceFile> stored = new ArrayList<>();
        if (files == null) {
            return stored;
        }
        try {
            for (MultipartFile file : files) {
                if (file != null && !file.isEmpty()) {
                    stored.add(evidence.upload(officer, caseId, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
                }
            }
            return stored;
        } catch (IOException e) {
            evidence.discard(stored);
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException refused) {
            evidence.discard(stored);
            throw refused;
        }
    }

    @PostMapping("/console/cases/{caseId}/{verb}")
    String act(Officer officer, @PathVariable String caseId, @PathVariable String verb, @ModelAttribute ActionForm form,
            BindingResult binding, RedirectAttributes flash) {
        Verb action;
        try {
            action = Verb.valueOf(verb.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new CaseNotFound(caseId + "/" + verb);
        }
        queries.get(officer, caseId); // another unit's handler is refused before anything is stored
        if (binding.hasFieldErrors()) { // a number that is not one: refused before anything is stored
            String field = binding.getFieldErrors().get(0).getField();
            String said = wording.unreadable();
            flash.addFlashAttribute("refused", said);
            flash.addFlashAttribute("kept", KeptForm.of(verb, form, field, said));
            return "redirect:/console/cases/" + caseId + "#action-" + verb;
        }
        List<EvidenceFile> uploaded = new ArrayList<>();
        try {
            uploaded = store(officer, caseId, form.photos());
            // the closure cites ticked uploads and the files sent with it; the other steps take record numbers too
            List<String> cited = action == Verb.CLOSE ? form.chosenFiles() : form.typedEvidence();
            uploaded.forEach(f -> cited.add(f.reference()));
            Case after = perform(officer, caseId, action, form, cited);
            flash.addFlashAttribute("done", "action." + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            flash.addFlashAttribute("doneForm", "/console/cases/" + caseId + "/" + verb); // its draft can go
            if (!after.state().isOpen() && (action == Verb.CLOSURE_DECISION || action == Verb.RETURN)) {
                flash.addFlashAttribute("doneCase", after.trackingNumber());
                return "redirect:/console/inbox";
            }
        } catch (CaseRuleViolation | IllegalArgumentException refused) {
            evidence.discard(uploaded);
            Wording.Refusal said = wording.refusal(refused.getMessage());
            flash.addFlashAttribute("refused", said.message());
            // the form comes back open with what was typed, the refusal beside its field
            flash.addFlashAttribute("kept", KeptForm.of(verb, form, said.field(), said.message()));
            return "redirect:/console/cases/" + caseId + "#action-" + verb;
        }
        return "redirect:/console/cases/" + caseId;
    }

    private Case perform(Officer officer, String caseId, Verb action, ActionForm f, List<String> evidence) {
        if (action == Verb.CLOSE) {
            return service.requestClosure(officer, caseId, blankToNull(f.outcome()), f.reply(), evidence, f.inspectionRecord(LUOYANG));
        }
        return switch (action) {
            case ACCEPT -> service.accept(officer, caseId, f.note());
            case RETURN -> service.returnCase(officer, caseId, f.reasonCode(), f.reason());
            case INSPECT -> service.startInspection(officer, caseId, evidence, f.note());
            case UNFOUNDED -> service.findUnfounded(officer, caseId, evidence, f.note());
            case RECTIFICATION -> service.orderRectification(officer, caseId, deadline(f.deadline()), evidence, f.note());
            case RECTIFIED -> service.reportRectified(officer, caseId, evidence, f.note());
            case VERIFY -> service.verify(officer, caseId, evidence, f.note());
            case PENALTY -> service.penalize(officer, caseId, penalty(f), evidence, f.note());
            case CLOSE -> throw new IllegalStateException("handled above");
            case CLOSURE_DECISION -> service.decideClosure(officer, caseId, Boolean.TRUE.equals(f.approve()), f.note());
            case EXTENSION -> service.requestExtension(officer, caseId, f.days() == null ? 0 : f.days(), f.reason());
            case EXTENSION_DECISION -> service.decideExtension(officer, caseId, Boolean.TRUE.equals(f.approve()), f.note());
            case CONTRIBUTION -> service.recordContribution(officer, caseId, f.note(), evidence);
            case SUPERVISE -> service.listForSupervision(officer, caseId, f.note());
            case URGE -> service.urge(officer, caseId, f.note());
            case REOPEN -> service.reopen(officer, caseId, f.reason());
            case REINSPECTION -> service.recordReinspection(officer, caseId, Boolean.TRUE.equals(f.resolved()), evidence, f.note());
            case RECTIFICATION_CHECK -> service.recordRectificationCheck(officer, caseId, rectified(f), evidence, f.note());
        };
    }

    /** 到期复查's finding is a choice the checker must make (no default either way). */
    private static boolean rectified(ActionForm f) {
        if (f.resolved() == null) {
            throw new IllegalArgumentException("choose the finding of the rectification check");
        }
        return f.resolved();
    }

    private static Penalty penalty(ActionForm f) {
        if (f.kind() == null || f.kind().isBlank()) {
            throw new IllegalArgumentException("choose a penalty");
        }
        Penalty.Kind kind;
        try {
            kind = Penalty.Kind.valueOf(f.kind());
        } catch (IllegalArgumentException unknownKind) {
            throw new IllegalArgumentException("choose a penalty");
        }
        return new Penalty(kind, f.amountYuan(), blankToNull(f.decisionNumber()));
    }

    /** The form's local date-time is Luoyang time. */
    static Instant deadline(String local) {
        if (local == null || local.isBlank()) {
            throw new IllegalArgumentException("a rectification order needs a deadline");
        }
        try {
            return LocalDateTime.parse(local).atZone(LUOYANG).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable deadline " + local);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
