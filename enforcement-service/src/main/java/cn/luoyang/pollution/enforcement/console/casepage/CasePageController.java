package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.console.Wording;
import cn.luoyang.pollution.enforcement.console.casepage.CaseActions.Verb;
import cn.luoyang.pollution.enforcement.console.evidence.PhotoStore;
import cn.luoyang.pollution.enforcement.console.evidence.StoredPhoto;
import cn.luoyang.pollution.enforcement.console.inbox.Urgency;
import cn.luoyang.pollution.enforcement.console.map.LuoyangMap;
import cn.luoyang.pollution.enforcement.officers.Officer;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 案件详情: the case, the reporters' accounts (举报内容), its place on the map, the dispatch trace,
 * the signed timeline, and one form per action the person may take now. Each form posts to
 * {@link CaseService}, which signs the action with the signed-in officer and refuses whatever the
 * state or the role does not allow.
 */
@Controller
class CasePageController {

    private static final ZoneId LUOYANG = ZoneId.of("Asia/Shanghai");

    private final CaseQueries queries;
    private final CaseService service;
    private final PhotoStore photos;
    private final LuoyangMap map;
    private final CaseAccounts accounts;
    private final Wording wording;
    private final Clock clock;

    CasePageController(CaseQueries queries, CaseService service, PhotoStore photos, LuoyangMap map, CaseAccounts accounts,
            Wording wording, Clock clock) {
        this.queries = queries;
        this.service = service;
        this.photos = photos;
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
        model.addAttribute("actions", CaseActions.allowed(officer, c));
        model.addAttribute("timeline", c.history().entries());
        model.addAttribute("approvals", approvals(c));
        if (!model.containsAttribute("kept")) {
            model.addAttribute("kept", KeptForm.NONE);
        }
        model.addAttribute("accounts", accounts.of(c));
        model.addAttribute("map", map.around(c.territory() == null ? null : c.territory().districtCode(), c.location()));
        model.addAttribute("defaultDeadline", LocalDateTime.ofInstant(now, LUOYANG).plusDays(7).withHour(17).withMinute(0)
                .withSecond(0).withNano(0).toString());
        return "console/case";
    }

    /** 办结审核意见: the verifier's note on each approved closure, by the time of its CLOSED entry. */
    private static Map<Instant, String> approvals(Case c) {
        Map<Instant, String> notes = new HashMap<>();
        c.closureRequests().stream()
                .filter(r -> Boolean.TRUE.equals(r.approved()) && r.decisionNote() != null && !r.decisionNote().isBlank())
                .forEach(r -> notes.put(r.decidedAt(), r.decisionNote()));
        return notes;
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
        List<StoredPhoto> uploaded = new ArrayList<>();
        try {
            uploaded = photos.store(caseId, form.photos(), officer.userId());
            List<String> evidence = form.typedEvidence();
            uploaded.forEach(p -> evidence.add(p.reference()));
            Case after = perform(officer, caseId, action, form, evidence);
            flash.addFlashAttribute("done", "action." + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            flash.addFlashAttribute("doneForm", "/console/cases/" + caseId + "/" + verb); // its draft can go
            if (!after.state().isOpen() && (action == Verb.CLOSURE_DECISION || action == Verb.RETURN)) {
                flash.addFlashAttribute("doneCase", after.trackingNumber());
                return "redirect:/console/inbox";
            }
        } catch (CaseRuleViolation | IllegalArgumentException refused) {
            photos.discard(uploaded);
            Wording.Refusal said = wording.refusal(refused.getMessage());
            flash.addFlashAttribute("refused", said.message());
            // the form comes back open with what was typed, the refusal beside its field
            flash.addFlashAttribute("kept", KeptForm.of(verb, form, said.field(), said.message()));
            return "redirect:/console/cases/" + caseId + "#action-" + verb;
        }
        return "redirect:/console/cases/" + caseId;
    }

    private Case perform(Officer officer, String caseId, Verb action, ActionForm f, List<String> evidence) {
        return switch (action) {
            case ACCEPT -> service.accept(officer, caseId, f.note());
            case RETURN -> service.returnCase(officer, caseId, f.reasonCode(), f.reason());
            case INSPECT -> service.startInspection(officer, caseId, evidence, f.note());
            case UNFOUNDED -> service.findUnfounded(officer, caseId, evidence, f.note());
            case RECTIFICATION -> service.orderRectification(officer, caseId, deadline(f.deadline()), evidence, f.note());
            case RECTIFIED -> service.reportRectified(officer, caseId, evidence, f.note());
            case VERIFY -> service.verify(officer, caseId, evidence, f.note());
            case PENALTY -> service.penalize(officer, caseId, penalty(f), evidence, f.note());
            case CLOSE -> service.requestClosure(officer, caseId, blankToNull(f.outcome()), f.reply(), evidence);
            case CLOSURE_DECISION -> service.decideClosure(officer, caseId, Boolean.TRUE.equals(f.approve()), f.note());
            case EXTENSION -> service.requestExtension(officer, caseId, f.days() == null ? 0 : f.days(), f.reason());
            case EXTENSION_DECISION -> service.decideExtension(officer, caseId, Boolean.TRUE.equals(f.approve()), f.note());
            case CONTRIBUTION -> service.recordContribution(officer, caseId, f.note(), evidence);
            case SUPERVISE -> service.listForSupervision(officer, caseId, f.note());
            case URGE -> service.urge(officer, caseId, f.note());
            case REOPEN -> service.reopen(officer, caseId, f.reason());
            case REINSPECTION -> service.recordReinspection(officer, caseId, Boolean.TRUE.equals(f.resolved()), evidence, f.note());
        };
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
