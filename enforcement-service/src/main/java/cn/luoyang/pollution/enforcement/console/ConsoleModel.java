package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.security.Officers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows in its header: who is signed in, and the language switch. */
@ControllerAdvice(basePackages = "cn.luoyang.pollution.enforcement.console")
class ConsoleModel {

    private final Officers officers;

    ConsoleModel(Officers officers) {
        this.officers = officers;
    }

    @ModelAttribute("me")
    Officer me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return officers.of(auth);
    }

    @ModelAttribute("english")
    boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
