package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.kit.security.PlatformSecurity;
import cn.luoyang.pollution.kit.security.Roles;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's own filter chain: a session (kept in MongoDB, {@code console/sessions}) and CSRF on
 * for every form; the API's chain is stateless Basic/JWT and matches only {@code /api/**}. People sign
 * in with the user-name form against the local users in basic mode, and through the platform's OpenID
 * Connect provider in jwt mode ({@link ConsoleSignIn}), with the same roles either way. Which case a
 * person may see is still decided by the application layer.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    @Bean
    @Order(20)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, PlatformSecurity security,
            ObjectProvider<ConsoleSignIn> signIn) throws Exception {
        http.securityMatcher("/console/**", "/webjars/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/console/assets/**", "/console/login").permitAll()
                        .requestMatchers("/console/office/**").hasAnyRole("CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN")
                        // the callback worklist (回访): hotline operators; "/console" sends them there
                        .requestMatchers("/console/callbacks/**").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers("/console").hasAnyRole(Stream.concat(Roles.OFFICERS.stream(),
                                Stream.of(Roles.OPERATOR)).toArray(String[]::new))
                        .anyRequest().hasAnyRole(Roles.OFFICERS.toArray(String[]::new)))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")));
        if (security.jwt()) {
            signIn.getObject().applyTo(http);
        } else {
            http.formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                    .defaultSuccessUrl("/console", true).failureUrl("/console/login?error").permitAll());
        }
        return http.build();
    }
}
