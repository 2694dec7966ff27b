package cn.luoyang.pollution.kit.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which endpoint of a service: every row names its owner, and whatever has no row is
 * refused (default deny). Each service declares one as a bean; the kit's API filter chain applies it.
 * Rows are matched in order, so a narrower row goes before a wider one. Actuator needs no rows: it
 * has its own port, guarded by the kit ({@code SecurityKitAutoConfiguration}).
 */
public final class AccessTable {

    private final List<String> paths;
    private final List<AccessRule> rules = new ArrayList<>();

    private AccessTable(List<String> paths) {
        this.paths = paths;
    }

    /** A table for the requests under these path patterns (the other paths belong to another chain). */
    public static AccessTable forPaths(String... patterns) {
        return new AccessTable(List.of(patterns));
    }

    /** A table for every request of the service. */
    public static AccessTable forAllPaths() {
        return new AccessTable(List.of("/**"));
    }

    public AccessTable open(HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            rules.add(new AccessRule(method, pattern, true, List.of()));
        }
        return this;
    }

    /** Refuses these requests to everyone (before a wider open row further down can match them). */
    public AccessTable deny(HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            rules.add(new AccessRule(method, pattern, false, List.of()));
        }
        return this;
    }

    public AccessTable allow(HttpMethod method, String pattern, List<String> roles) {
        rules.add(new AccessRule(method, pattern, false, roles));
        return this;
    }

    public AccessTable allow(HttpMethod method, String pattern, String... roles) {
        return allow(method, pattern, Arrays.asList(roles));
    }

    public List<String> paths() {
        return paths;
    }

    public List<AccessRule> rules() {
        return List.copyOf(rules);
    }

    void applyTo(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        // an error an allowed request ran into is rendered by the container's error dispatch: let it answer
        registry.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        for (AccessRule rule : rules) {
            var matcher = rule.method() == null ? registry.requestMatchers(rule.pattern())
                    : registry.requestMatchers(rule.method(), rule.pattern());
            if (rule.open()) {
                matcher.permitAll();
            } else if (rule.roles().isEmpty()) {
                matcher.denyAll();
            } else {
                matcher.hasAnyRole(rule.roles().toArray(String[]::new));
            }
        }
        registry.anyRequest().denyAll();
    }
}
