package cn.luoyang.pollution.enforcement.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The service's error pages (错误页) for a browser, in the console's look instead of Spring's
 * "Whitelabel" page: a refused page (403, e.g. a handler opening the campaign office's page), an
 * unknown page (404) and a failure (5xx). API callers still get a problem body: this only answers
 * requests that accept HTML. Every status has a page: a malformed request (400 and the other 4xx) says
 * so, an upload too large (413) says the limit, an address that takes no such method reads as unknown.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String messageKey = switch (status) {
            case FORBIDDEN -> "error.page.403";
            case NOT_FOUND, METHOD_NOT_ALLOWED -> "error.page.404";
            case CONTENT_TOO_LARGE -> "error.page.413";
            default -> status.is5xxServerError() ? "error.page.500" : "error.page.400";
        };
        return new ModelAndView("console/error", Map.of(
                "status", status.value(),
                "messageKey", messageKey,
                "detail", "",
                "english", "en".equals(RequestContextUtils.getLocale(request).getLanguage())), status);
    }
}
