package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.enforcement.console.map.StreetTiles;
import cn.luoyang.pollution.kit.security.PlatformSecurity;
import cn.luoyang.pollution.kit.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
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
            ObjectProvider<ConsoleSignIn> signIn, @Value("${console.map.tile-url:}") String tiles) throws Exception {
        // the city's tile service, when configured, is the one outside origin images may come from
        String tileOrigin = StreetTiles.origin(tiles);
        http.securityMatcher("/console/**", "/webjars/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/console/assets/**", "/console/login").permitAll()
                        .requestMatchers("/console/office/**").hasAnyRole("CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN")
                        // the reward desk (有奖举报): the campaign office and admins (RewardDesk checks it again)
                        .requestMatchers("/console/rewards/**").hasAnyRole("CAMPAIGN_OFFICE", "ADMIN")
                        // the callback worklist (回访): hotline operators; "/console" sends them there
                        .requestMatchers("/console/callbacks/**").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers("/console").hasAnyRole(Stream.concat(Roles.OFFICERS.stream(),
                                Stream.of(Roles.OPERATOR)).toArray(String[]::new))
                        .anyRequest().hasAnyRole(Roles.OFFICERS.toArray(String[]::new)))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(new SignInAgain()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:" + (tileOrigin.isEmpty() ? "" : " " + tileOrigin)
                                + "; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")));
        if (security.jwt()) {
            signIn.getObject().applyTo(http);
        } else {
            http.formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                    .successHandler(ConsoleSecurity::backToThePage).failureHandler(ConsoleSecurity::tryAgain).permitAll());
        }
        return http.build();
    }

    /** After signing in: back to the page the person was sent away from ({@code continue}, console pages only), else the start page. */
    private static void backToThePage(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
            throws IOException {
        String back = request.getParameter("continue");
        response.sendRedirect(request.getContextPath() + (SignInAgain.safe(back) ? back : "/console"));
    }

    /** A wrong password: the form again, still knowing where to go afterwards. */
    private static void tryAgain(HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
            throws IOException {
        String back = request.getParameter("continue");
        response.sendRedirect(request.getContextPath() + "/console/login?error"
                + (SignInAgain.safe(back) ? "&continue=" + URLEncoder.encode(back, StandardCharsets.UTF_8) : ""));
    }
}
