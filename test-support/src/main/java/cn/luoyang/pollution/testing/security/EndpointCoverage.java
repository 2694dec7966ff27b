package cn.luoyang.pollution.testing.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which endpoints a service maps that no row of an access test reaches: every controller method must
 * have an owner in the test, so a new endpoint cannot slip in unowned.
 */
public final class EndpointCoverage {

    private EndpointCoverage() {
    }

    /**
     * The mapped endpoints ({@code METHOD pattern}) that no row calls, leaving out the paths under the
     * given prefixes (Spring's {@code /error}, another filter chain's pages).
     */
    public static List<String> unowned(ApplicationContext context, List<AccessCheck.Row> rows, String... ignoredPrefixes) {
        List<String> unowned = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (var entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                HandlerMethod handler = entry.getValue();
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    String text = pattern.getPatternString();
                    if (ignored(text, ignoredPrefixes)) {
                        continue;
                    }
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        if (rows.stream().noneMatch(row -> row.method().equals(method.name()) && matches(pattern, row.path()))) {
                            unowned.add(method + " " + text + " (" + handler.getShortLogMessage() + ")");
                        }
                    }
                }
            }
        }
        return unowned;
    }

    private static boolean matches(PathPattern pattern, String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return PathPatternParser.defaultInstance.parse(pattern.getPatternString())
                .matches(PathContainer.parsePath(withoutQuery));
    }

    private static boolean ignored(String pattern, String[] prefixes) {
        for (String prefix : prefixes) {
            if (pattern.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
