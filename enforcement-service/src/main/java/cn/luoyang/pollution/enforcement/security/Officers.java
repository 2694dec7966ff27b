package cn.luoyang.pollution.enforcement.security;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import cn.luoyang.pollution.kit.security.PlatformSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns whoever signed in (a local user, or a JWT's claims) into the {@link Officer} the
 * application works with. The web console uses the same lookup.
 */
public class Officers {

    private final Map<String, PlatformSecurity.LocalUser> local;
    private final PlatformSecurity.Claims claims;

    public Officers(PlatformSecurity properties) {
        this.local = properties.users().stream()
                .collect(Collectors.toMap(PlatformSecurity.LocalUser::username, Function.identity()));
        this.claims = properties.claims();
    }

    public Officer of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken());
        }
        if (authentication.getPrincipal() instanceof OidcUser person) {
            // the console's OIDC sign-in: the ID token carries the same claims as the API's access token
            return fromClaims(person.getSubject(), person.getIdToken());
        }
        PlatformSecurity.LocalUser user = local.get(authentication.getName());
        if (user == null) {
            throw new IllegalStateException("no local user " + authentication.getName());
        }
        return new Officer(user.username(), user.name(), Role.valueOf(user.role()), user.department(), user.territory(), user.grid());
    }

    private Officer fromJwt(Jwt jwt) {
        return fromClaims(jwt.getSubject(), jwt);
    }

    private Officer fromClaims(String subject, ClaimAccessor token) {
        return new Officer(subject, token.getClaimAsString(claims.name()), Role.valueOf(roleOf(token)),
                token.getClaimAsString(claims.department()), token.getClaimAsString(claims.territory()),
                token.getClaimAsString(claims.grid()));
    }

    String roleOf(ClaimAccessor jwt) {
        Object value = jwt.getClaim(claims.role());
        if (value instanceof Collection<?> many && !many.isEmpty()) {
            return many.iterator().next().toString();
        }
        if (value == null) {
            throw new IllegalArgumentException("the token carries no " + claims.role() + " claim");
        }
        return value.toString();
    }
}
