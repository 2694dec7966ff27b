package cn.luoyang.pollution.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns an authentication into a {@link Caller}. A {@link Roles#SERVICE} account may name the person
 * it acts for in {@value #ON_BEHALF_OF}; anyone else's header is ignored, so nobody can sign a change
 * with another person's name.
 */
public final class Callers {

    /** The header in which a platform service names the person it calls for. */
    public static final String ON_BEHALF_OF = "X-On-Behalf-Of";
    private static final String ROLE_PREFIX = "ROLE_";

    private Callers() {
    }

    public static Caller of(Authentication authentication, HttpServletRequest request) {
        Set<String> roles = rolesOf(authentication.getAuthorities());
        String self = nameOf(authentication);
        String onBehalfOf = request == null ? null : request.getHeader(ON_BEHALF_OF);
        if (roles.contains(Roles.SERVICE) && onBehalfOf != null && !onBehalfOf.isBlank()) {
            return new Caller(onBehalfOf.strip(), roles, self);
        }
        return new Caller(self, roles, null);
    }

    private static String nameOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String preferred = jwt.getClaimAsString("preferred_username");
            return preferred != null ? preferred : jwt.getSubject();
        }
        return authentication.getName();
    }

    private static Set<String> rolesOf(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length())).collect(Collectors.toUnmodifiableSet());
    }
}
