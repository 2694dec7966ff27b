package cn.luoyang.pollution.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Actuator has a port of its own ({@code management.server.port}); Spring Boot applies these filter
 * chains to both servers, so a request is told apart by the port it arrived on. On the management port
 * health and info answer without credentials (the kubelet, the launcher) and everything else is a 403;
 * on the public port {@code /actuator/**} is a 404. The same rule as the services' kit (service-kit
 * {@code kit.security}), which this provider does not depend on.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, Environment environment) throws Exception {
        RequestMatcher onManagementPort = request -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            return management != null && !management.equals(environment.getProperty("local.server.port", Integer.class))
                    && request.getLocalPort() == management;
        };
        RequestMatcher actuatorPaths = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator"),
                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
        http.securityMatcher(request -> onManagementPort.matches(request) || actuatorPaths.matches(request))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(request -> !onManagementPort.matches(request)).denyAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                        .permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, x) ->
                        response.setStatus(onManagementPort.matches(request) ? 403 : 404)));
        return http.build();
    }
}
