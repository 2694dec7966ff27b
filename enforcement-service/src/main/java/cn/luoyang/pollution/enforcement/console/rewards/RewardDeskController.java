package cn.luoyang.pollution.enforcement.console.rewards;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.rewards.ClaimDecided;
import cn.luoyang.pollution.enforcement.rewards.ClaimState;
import cn.luoyang.pollution.enforcement.rewards.InvalidAmount;
import cn.luoyang.pollution.enforcement.rewards.RewardClaim;
import cn.luoyang.pollution.enforcement.rewards.application.RewardDesk;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 有奖举报: the campaign office's reward desk in the console. Lists the claims (filtered by state,
 * category, district), each with its rule's amount range and approver; an open claim is approved with
 * an amount in the range (by the rule's approver, or an admin) or refused with the reason the reporter
 * is told; an approved one is marked paid with the payment's reference. Every decision goes through
 * {@link RewardDesk}, which also refuses anyone but the campaign office and admins. A refused form comes
 * back open beside its claim with what was typed and the refusal at its field. A claim holds no
 * reporter identity, so the page shows none: complaint id, tracking number, case, category, district.
 */
@Controller
class RewardDeskController {

    private final RewardDesk desk;
    private final MessageSource messages;

    RewardDeskController(RewardDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    /** The list's filter: any field blank means "all". */
    record Filter(String state, String category, String district) {

        ClaimState claimState() {
            try {
                return state == null || state.isBlank() ? null : ClaimState.valueOf(state);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        boolean keeps(RewardClaim c) {
            return (category == null || category.isBlank() || category.equals(c.category()))
                    && (district == null || district.isBlank() || district.equals(c.districtCode()));
        }
    }

    /** What an approve / refuse / pay form sends. */
    record DecisionForm(String amountYuan, String note, String reason, String reference) {
    }

    @GetMapping("/console/rewards")
    String desk(Officer officer, Filter filter, Model model) {
        List<RewardClaim> all = desk.list(officer, null);
        List<RewardClaim> shown = desk.list(officer, filter.claimState()).stream().filter(filter::keeps)
                .sorted(Comparator.comparing((RewardClaim c) -> c.state() != ClaimState.OPEN)
                        .thenComparing(RewardClaim::openedAt, Comparator.reverseOrder()))
                .toList();
        model.addAttribute("claims", shown);
        model.addAttribute("filter", filter);
        model.addAttribute("states", ClaimState.values());
        model.addAttribute("categories", all.stream().map(RewardClaim::category).filter(Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("districts", all.stream().map(RewardClaim::districtCode).filter(Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("statistics", desk.statistics(officer));
        model.addAttribute("mayApprove", shown.stream().filter(c -> mayApprove(officer, c)).map(RewardClaim::claimId)
                .collect(Collectors.toSet()));
        if (!model.containsAttribute("kept")) {
            model.addAttribute("kept", Map.of());
        }
        return "console/rewards";
    }

    /** The rule names who approves; an admin may approve any claim. */
    static boolean mayApprove(Officer officer, RewardClaim c) {
        return officer.role() == Role.ADMIN || officer.role().name().equals(c.rule().approver());
    }

    @PostMapping("/console/rewards/{claimId}/approve")
    String approve(Officer officer, @PathVariable String claimId, @ModelAttribute DecisionForm form, RedirectAttributes flash) {
        RewardClaim claim = desk.get(officer, claimId);
        BigDecimal amount;
        try {
            amount = new BigDecimal(form.amountYuan() == null ? "" : form.amountYuan().trim());
        } catch (NumberFormatException unreadable) {
            return refused(flash, claimId, "approve", form, "amountYuan", say("rewards.refusal.amount-unreadable"));
        }
        try {
            desk.approve(officer, claimId, amount, blankToNull(form.note()));
        } catch (InvalidAmount outside) {
            return refused(flash, claimId, "approve", form, "amountYuan",
                    say("rewards.refusal.amount-range", claim.rule().minYuan().toPlainString(), claim.rule().maxYuan().toPlainString()));
        } catch (ClaimDecided decided) {
            return refused(flash, claimId, "approve", form, null, say("rewards.refusal.decided"));
        }
        return done(flash, claimId, "rewards.done.approved");
    }

    @PostMapping("/console/rewards/{claimId}/refuse")
    String refuse(Officer officer, @PathVariable String claimId, @ModelAttribute DecisionForm form, RedirectAttributes flash) {
        desk.get(officer, claimId);
        if (form.reason() == null || form.reason().isBlank()) {
            return refused(flash, claimId, "refuse", form, "reason", say("rewards.refusal.reason"));
        }
        if (form.reason().length() > 500) {
            return refused(flash, claimId, "refuse", form, "reason", say("rewards.refusal.too-long", "500"));
        }
        try {
            desk.refuse(officer, claimId, form.reason().strip());
        } catch (ClaimDecided decided) {
            return refused(flash, claimId, "refuse", form, null, say("rewards.refusal.decided"));
        }
        return done(flash, claimId, "rewards.done.refused");
    }

    @PostMapping("/console/rewards/{claimId}/pay")
    String pay(Officer officer, @PathVariable String claimId, @ModelAttribute DecisionForm form, RedirectAttributes flash) {
        desk.get(officer, claimId);
        if (form.reference() == null || form.reference().isBlank()) {
            return refused(flash, claimId, "pay", form, "reference", say("rewards.refusal.reference"));
        }
        if (form.reference().length() > 100) {
            return refused(flash, claimId, "pay", form, "reference", say("rewards.refusal.too-long", "100"));
        }
        try {
            desk.markPaid(officer, claimId, form.reference().strip());
        } catch (ClaimDecided notApproved) {
            return refused(flash, claimId, "pay", form, null, say("rewards.refusal.not-approved"));
        }
        return done(flash, claimId, "rewards.done.paid");
    }

    private static String done(RedirectAttributes flash, String claimId, String key) {
        flash.addFlashAttribute("done", key);
        return "redirect:/console/rewards#claim-" + claimId;
    }

    /** The form comes back open beside its claim, with what was typed and the refusal at its field. */
    private String refused(RedirectAttributes flash, String claimId, String verb, DecisionForm form, String field, String message) {
        Map<String, String> kept = new TreeMap<>();
        kept.put("claim", claimId);
        kept.put("verb", verb);
        put(kept, "amountYuan", form.amountYuan());
        put(kept, "note", form.note());
        put(kept, "reason", form.reason());
        put(kept, "reference", form.reference());
        kept.put("field", field == null ? "" : field);
        kept.put("message", message);
        flash.addFlashAttribute("kept", kept);
        flash.addFlashAttribute("refused", message);
        return "redirect:/console/rewards#claim-" + claimId;
    }

    private static void put(Map<String, String> kept, String name, String value) {
        if (value != null) {
            kept.put(name, value);
        }
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
