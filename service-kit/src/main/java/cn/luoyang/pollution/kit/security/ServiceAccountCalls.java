package cn.luoyang.pollution.kit.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Calls from this service to another one: signed with this service's account (role
 * {@link Roles#SERVICE}), naming the signed-in person it acts for in {@link Callers#ON_BEHALF_OF}, so
 * that the other service records the person, not the service, as the author. In basic mode the account
 * presents its password; in jwt mode it presents a bearer token it got from the issuer with the
 * client-credentials grant ({@link ServiceAccountTokens}), kept until it expires.
 */
public final class ServiceAccountCalls {

    private final Supplier<String> authorization;

    private ServiceAccountCalls(Supplier<String> authorization) {
        this.authorization = authorization;
    }

    /** HTTP Basic with the account's password (basic mode). */
    static ServiceAccountCalls basic(PlatformSecurity.ServiceAccount account) {
        return new ServiceAccountCalls(() -> {
            requireConfigured(account);
            return "Basic " + Base64.getEncoder().encodeToString(
                    (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A bearer token for each call, from a source that caches it until it expires (jwt mode). */
    static ServiceAccountCalls bearer(PlatformSecurity.ServiceAccount account, Supplier<String> accessToken) {
        return new ServiceAccountCalls(() -> {
            requireConfigured(account);
            return "Bearer " + accessToken.get();
        });
    }

    /** The interceptor to add to a {@code RestClient} that calls another service of the platform. */
    public ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization.get());
            Authentication person = SecurityContextHolder.getContext().getAuthentication();
            if (person != null && person.isAuthenticated() && !(person instanceof AnonymousAuthenticationToken)) {
                request.getHeaders().set(Callers.ON_BEHALF_OF, person.getName());
            }
            return execution.execute(request, body);
        };
    }

    private static void requireConfigured(PlatformSecurity.ServiceAccount account) {
        if (!account.configured()) {
            throw new IllegalStateException("platform.security.service-account.username and .password are not set:"
                    + " this service cannot call another one");
        }
    }
}
