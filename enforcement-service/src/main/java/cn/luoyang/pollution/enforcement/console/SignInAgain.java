package cn.luoyang.pollution.enforcement.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form posted after the session expired (会话过期) carries a CSRF token the server no longer knows,
 * which is refused before anyone is signed in. Instead of a 403, the person is asked to sign in again
 * and then brought back to the page the form was on ({@code continue}), where the form's draft is
 * restored ({@code drafts.js}). Every other refusal stays the branded 403 page.
 */
final class SignInAgain implements AccessDeniedHandler {

    /** The pages a person may be sent back to: console paths only, never another site. */
    private static final Pattern SAFE = Pattern.compile("/console(/[A-Za-z0-9._~/-]*)?");
    private static final Pattern CASE_ACTION = Pattern.compile("(/console/cases/[A-Za-z0-9._-]+)/[a-z-]+");

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || signedIn()) {
            otherwise.handle(request, response, denied);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/console/login?expired&continue="
                + URLEncoder.encode(pageOf(request), StandardCharsets.UTF_8));
    }

    /** The page the form was on: a case page for a case action, else the page it came from, else the console. */
    static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher action = CASE_ACTION.matcher(path);
        if (action.matches()) {
            return action.group(1);
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                String from = URI.create(referer).getPath();
                if (from != null && safe(from)) {
                    return from;
                }
            } catch (IllegalArgumentException unreadable) {
                // fall through
            }
        }
        return "/console";
    }

    static boolean safe(String path) {
        return path != null && SAFE.matcher(path).matches() && !path.contains("//") && !path.contains("..");
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
