package cn.luoyang.pollution.enforcement.console.callbacks;

import cn.luoyang.pollution.enforcement.console.PeerService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 回访工单: the hotline operator's page over notification-service's callback worklist. The due tasks
 * (masked numbers), the operator's own taken ones, take, reveal and record the outcome. A revealed
 * number is rendered into the answer to the reveal itself ({@code no-store}), never put in the session
 * (sessions are kept in MongoDB) nor in a redirect. Only OPERATOR and ADMIN reach it ({@code ConsoleSecurity}).
 */
@Controller
class CallbacksController {

    private final NotificationClient notification;

    CallbacksController(NotificationClient notification) {
        this.notification = notification;
    }

    @GetMapping("/console/callbacks")
    String page(Model model) {
        model.addAttribute("due", notification.due());
        model.addAttribute("mine", notification.mine());
        return "console/callbacks";
    }

    @PostMapping("/console/callbacks/{id}/take")
    String take(@PathVariable String id, Locale locale, RedirectAttributes flash) {
        report(notification.take(id), english(locale) ? "Taken" : "已领取", flash);
        return "redirect:/console/callbacks";
    }

    @PostMapping("/console/callbacks/{id}/reveal")
    String reveal(@PathVariable String id, Model model, HttpServletResponse response) {
        PeerService.Outcome revealed = notification.reveal(id);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        if (revealed.ok()) {
            model.addAttribute("revealedTask", id);
            model.addAttribute("revealedPhone", revealed.body().get("phone"));
        } else {
            model.addAttribute("callbackRefused", revealed.status() + ": " + revealed.message());
        }
        return page(model);
    }

    @PostMapping("/console/callbacks/{id}/outcome")
    String outcome(@PathVariable String id, @RequestParam Map<String, String> form, Locale locale,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", form.get("outcome"));
        String rating = form.get("rating");
        body.put("rating", rating == null || rating.isBlank() ? null : rating);
        String note = form.get("note");
        body.put("note", note == null || note.isBlank() ? null : note);
        report(notification.record(id, body), english(locale) ? "Recorded" : "已记录", flash);
        return "redirect:/console/callbacks";
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static void report(PeerService.Outcome outcome, String done, RedirectAttributes flash) {
        if (outcome.ok()) {
            flash.addFlashAttribute("callbackDone", done + " " + outcome.body().getOrDefault("trackingNumber", ""));
        } else {
            flash.addFlashAttribute("callbackRefused", outcome.status() + ": " + outcome.message());
        }
    }
}
