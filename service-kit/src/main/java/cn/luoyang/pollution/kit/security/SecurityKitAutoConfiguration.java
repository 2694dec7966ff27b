package cn.luoyang.pollution.kit.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one security model of the platform. A service declares its {@link AccessTable}; this applies it
 * as a stateless API filter chain (default deny, CSRF off because no cookie is trusted), authenticating
 * by HTTP Basic against the local users or as an OAuth2 resource server ({@link PlatformSecurity}),
 * with roles as {@code ROLE_*} authorities, refusals as problem details, and a {@link Caller} for
 * controllers that sign changes with their author. Actuator lives on its own port
 * ({@code management.server.port}): there only health, info and prometheus answer, and on the public
 * port {@code /actuator/**} does not exist (404).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnClass(HttpSecurity.class)
@EnableConfigurationProperties(PlatformSecurity.class)
public class SecurityKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The local users, read-only: a plain {@link UserDetailsService} (not the manager itself), so that
     * Spring does not re-hash a configured password at the first sign-in and keep the new hash in memory.
     */
    @Bean
    @ConditionalOnMissingBean
    UserDetailsService localUsers(PlatformSecurity security, Environment environment, PasswordEncoder encoder) {
        DemoCredentials.refuseOutsideDemo(environment, security, encoder);
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(security.jwt() ? List.of()
                : security.users().stream()
                        .map(u -> User.withUsername(u.username()).password(u.password()).roles(u.role()).build())
                        .toList());
        return users::loadUserByUsername;
    }

    /**
     * Actuator's own port: health (with its liveness and readiness groups), info and prometheus answer
     * without credentials, for the kubelet and the scraper; everything else there is refused.
     */
    @Bean
    @Order(5)
    @ConditionalOnBean(AccessTable.class)
    SecurityFilterChain managementSecurity(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher(new ManagementPort(environment))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, MANAGEMENT_OPEN).permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated(false))
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /** The public port has no Actuator: {@code /actuator/**} there is a 404, whoever asks. */
    @Bean
    @Order(6)
    @ConditionalOnBean(AccessTable.class)
    SecurityFilterChain noActuatorOnThePublicPort(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher(new AndRequestMatcher(new NegatedRequestMatcher(new ManagementPort(environment)),
                        new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator"),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))))
                .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, x) -> ProblemResponses.notFound(response))
                        .accessDeniedHandler((request, response, x) -> ProblemResponses.notFound(response)));
        return http.build();
    }

    private static final String[] MANAGEMENT_OPEN = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    @Bean
    @Order(10)
    @ConditionalOnBean(AccessTable.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTable table, PlatformSecurity security) throws Exception {
        http.securityMatcher(table.paths().toArray(String[]::new))
                .authorizeHttpRequests(table::applyTo)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated(!security.jwt()))
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        if (security.jwt()) {
            http.oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> withRoles(token, security.claims())))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated(false))
                    .accessDeniedHandler(ProblemResponses.forbidden()));
        } else if (!security.users().isEmpty()) {
            // a service with no local users (complaint-service: everything public) takes no credentials at all
            http.httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthenticated(true)));
        }
        return http.build();
    }

    /** A token's role claim (one value or a list) as {@code ROLE_*} authorities. */
    static AbstractAuthenticationToken withRoles(Jwt token, PlatformSecurity.Claims claims) {
        Object value = token.getClaim(claims.role());
        List<String> roles = value instanceof Collection<?> many ? many.stream().map(Object::toString).toList()
                : value == null ? List.of() : List.of(value.toString());
        return new JwtAuthenticationToken(token,
                roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), token.getSubject());
    }

    /** Lets a controller take the {@link Caller} as a parameter. */
    @Bean
    WebMvcConfigurer callerArgument() {
        return SignedInArgument.of(Caller.class,
                (auth, request) -> Callers.of(auth, request.getNativeRequest(HttpServletRequest.class)));
    }

    /**
     * How this service authenticates when it calls another one: Basic in basic mode; in jwt mode a token
     * from the issuer ({@code platform.security.service-account.issuer-uri}, by default the issuer this
     * service trusts) with the client-credentials grant, which needs spring-boot-starter-oauth2-client.
     */
    @Bean
    ServiceAccountCalls serviceAccountCalls(PlatformSecurity security, Environment environment) {
        PlatformSecurity.ServiceAccount account = security.serviceAccount();
        if (!security.jwt()) {
            return ServiceAccountCalls.basic(account);
        }
        String issuer = account.issuerUri() != null && !account.issuerUri().isBlank() ? account.issuerUri()
                : environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
        if (!ClassUtils.isPresent(OAUTH2_CLIENT, getClass().getClassLoader()) || issuer.isBlank()) {
            return ServiceAccountCalls.bearer(account, () -> {
                throw new IllegalStateException("in jwt mode a service calls another one with a token from the issuer:"
                        + " it needs spring-boot-starter-oauth2-client and"
                        + " platform.security.service-account.issuer-uri (or the resource server's issuer-uri)");
            });
        }
        return ServiceAccountCalls.bearer(account, new ServiceAccountTokens(account, issuer));
    }

    private static final String OAUTH2_CLIENT = "org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager";
}
