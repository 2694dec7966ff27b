package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.enforcement.rewards.application.ClaimNotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals on console pages as pages, not JSON: ahead of the API's advice, which covers the whole
 * service package. Rule refusals on actions are shown on the case page by the controller itself.
 */
@ControllerAdvice(basePackages = "cn.luoyang.pollution.enforcement.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private final Wording wording;

    ConsoleErrors(Wording wording) {
        this.wording = wording;
    }

    @ExceptionHandler(AccessDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(AccessDenied e, Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("messageKey", "error.forbidden");
        model.addAttribute("detail", wording.refused(e.getMessage()));
        return "console/error";
    }

    @ExceptionHandler({CaseNotFound.class, ClaimNotFound.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.not-found");
        model.addAttribute("detail", "");
        return "console/error";
    }

    /** A request no page can answer (a date that is none, a broken parameter): said as a page, not JSON. */
    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Exception e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.page.400");
        model.addAttribute("detail", e instanceof IllegalArgumentException ? wording.refused(e.getMessage()) : "");
        return "console/error";
    }
}
