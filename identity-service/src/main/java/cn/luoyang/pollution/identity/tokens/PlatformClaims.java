package cn.luoyang.pollution.identity.tokens;

import cn.luoyang.pollution.identity.clients.RegisteredClients;
import cn.luoyang.pollution.identity.people.People;
import cn.luoyang.pollution.identity.people.Person;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the platform's services read from a token (service-kit {@code PlatformSecurity.Claims},
 * {@code Callers}): {@code preferred_username}, {@code role} (a list of one), and for a person the
 * display {@code name}, {@code department}, {@code territory} and {@code grid}. Access tokens are for
 * the platform's audience, which every service checks; an ID token stays for its client, as OIDC says.
 */
public final class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final People people;
    private final String audience;

    public PlatformClaims(People people, String audience) {
        this.people = people;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String role = context.getRegisteredClient().getClientSettings().getSetting(RegisteredClients.ROLE_SETTING);
            claims.claim("preferred_username", context.getRegisteredClient().getClientId());
            if (role != null) {
                claims.claim("role", List.of(role));
            }
        } else {
            people.find(context.getPrincipal().getName()).ifPresent(person -> personClaims(claims, person));
        }
        if (accessToken) {
            claims.audience(List.of(audience));
        }
    }

    private static void personClaims(JwtClaimsSet.Builder claims, Person person) {
        claims.claim("preferred_username", person.username());
        claims.claim("role", List.of(person.role()));
        putIfSet(claims, "name", person.name());
        putIfSet(claims, "department", person.department());
        putIfSet(claims, "territory", person.territory());
        putIfSet(claims, "grid", person.grid());
    }

    private static void putIfSet(JwtClaimsSet.Builder claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.claim(name, value);
        }
    }
}
