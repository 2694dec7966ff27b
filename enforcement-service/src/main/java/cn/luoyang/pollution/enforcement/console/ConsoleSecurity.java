package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's own filter chain: a session with form login against the same local users and
 * roles as the API (the API's chain is stateless Basic/JWT and matches only {@code /api/**}), CSRF
 * on for every form. Which case a person may see is still decided by the application layer.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    @Bean
    @Order(20)
    SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/console/**", "/webjars/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/console/assets/**", "/console/login").permitAll()
                        .requestMatchers("/console/office/**").hasAnyRole("CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN")
                        .anyRequest().hasAnyRole(Roles.OFFICERS.toArray(String[]::new)))
                .formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", true).failureUrl("/console/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
