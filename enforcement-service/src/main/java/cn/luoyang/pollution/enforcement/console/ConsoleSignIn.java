package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.kit.security.DemoCredentials;
import cn.luoyang.pollution.kit.security.IssuerClientRegistration;
import cn.luoyang.pollution.kit.security.PlatformSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * The console's sign-in in jwt mode: OpenID Connect authorization code with PKCE against the platform's
 * issuer, as the confidential client {@code platform.security.console-client} ({@code console} at the
 * local identity-service). The person's role comes from the ID token's role claim, as the API's does
 * from the access token's, and the person's name from {@code preferred_username}. The console keeps no
 * token of the person's that opens anything: it calls dispatch-service with its own service account, so
 * the access and refresh tokens are dropped instead of being written into the session store; the ID
 * token stays in the session as the signed-in person. Signing out ends the provider's session too
 * (OpenID Connect RP-initiated logout): after the console's own session is gone the browser goes to the
 * provider's {@code end_session_endpoint} with the ID token as {@code id_token_hint}, and the provider
 * sends it back to {@code /console/login?logout} (registered there as a post-logout redirect URI), so
 * the next sign-in asks for the password again.
 */
@Component
@ConditionalOnProperty(name = "platform.security.mode", havingValue = "jwt")
class ConsoleSignIn {

    static final String REGISTRATION_ID = "platform";
    static final String SIGNED_OUT = "/console/login?logout";
    /** Where the provider sends the browser back after signing out; {@code {baseUrl}} is this console's address. */
    static final String POST_LOGOUT_REDIRECT = "{baseUrl}" + SIGNED_OUT;

    private final IssuerClientRegistration registration;
    private final PlatformSecurity.Claims claims;

    ConsoleSignIn(PlatformSecurity security,
            @Value("${platform.security.console-client.issuer-uri:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer,
            @Value("${platform.security.console-client.id:console}") String clientId,
            @Value("${platform.security.console-client.secret:}") String secret, Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(DemoCredentials.DEMO_PROFILE)) && DemoCredentials.KNOWN.contains(secret)) {
            throw new IllegalStateException("demo credentials configured outside the demo profile for"
                    + " platform.security.console-client: give the console its own client secret");
        }
        if (issuer.isBlank() || secret.isBlank()) {
            throw new IllegalStateException("jwt mode: the console signs people in through the issuer and needs"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri and platform.security.console-client.secret"
                    + " (PLATFORM_CONSOLE_CLIENT_SECRET)");
        }
        this.claims = security.claims();
        this.registration = new IssuerClientRegistration(REGISTRATION_ID, issuer, client -> client
                .clientId(clientId).clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .userNameAttributeName("preferred_username")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build()));
    }

    void applyTo(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/console/login")
                .clientRegistrationRepository(registration)
                .authorizedClientRepository(new NoPersonTokens())
                .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(this::roles))
                .defaultSuccessUrl("/console", true).failureUrl("/console/login?error").permitAll());
        OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registration);
        signOut.setPostLogoutRedirectUri(POST_LOGOUT_REDIRECT);
        signOut.setDefaultTargetUrl(SIGNED_OUT); // a provider that publishes no end_session_endpoint
        http.logout(logout -> logout.logoutSuccessHandler(signOut));
    }

    /** The ID token's role claim (one value or a list) as {@code ROLE_*} authorities, beside Spring's own. */
    private Collection<? extends GrantedAuthority> roles(Collection<? extends GrantedAuthority> granted) {
        Set<GrantedAuthority> mapped = new HashSet<>(granted);
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OidcUserAuthority oidc) {
                Object value = oidc.getIdToken().getClaim(claims.role());
                List<?> roles = value instanceof Collection<?> many ? List.copyOf(many) : value == null ? List.of() : List.of(value);
                roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
        }
        return mapped;
    }

    /** The console never uses a person's tokens, so none is kept (not in the session, not in MongoDB). */
    private static final class NoPersonTokens implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }
    }
}
