package cn.luoyang.pollution.kit.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401, 403 (and the kit's own 404) in the platform's one error body (RFC 9457, see
 * {@code kit.problems.Problems}), so a client reads a refusal the same way as any other problem.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(boolean basic) {
        return (request, response, exception) -> {
            if (basic) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"luoyang\"");
            }
            write(response, 401, "Unauthorized", "unauthenticated", "sign in first: this endpoint is not public");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                write(response, 403, "Forbidden", "forbidden", "your role may not use this endpoint");
    }

    /** Whatever is asked on this port does not exist here (Actuator on the public port). */
    static void notFound(HttpServletResponse response) throws IOException {
        write(response, 404, "Not Found", "not-found", "no such resource");
    }

    private static void write(HttpServletResponse response, int status, String title, String reason, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:luoyang:problem:" + reason + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"reason\":\"" + reason + "\",\"errors\":[]}");
    }
}
