package cn.luoyang.pollution.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Tells a request to Actuator's own server ({@code management.server.port}, a port of its own in every
 * service) from a request to the service's public port. Spring Boot applies the service's security
 * filter chains to both servers, so the kit tells them apart by the port the request arrived on:
 * {@code local.management.port}, which Boot publishes once the management server listens, and which
 * it sets to the main port when Actuator shares it (then no request counts as a management one).
 */
final class ManagementPort implements RequestMatcher {

    private final Environment environment;

    ManagementPort(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && management > 0 && !management.equals(server)
                && request.getLocalPort() == management;
    }
}
