package cn.luoyang.pollution.kit.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Calls from this service to another one: signed with this service's account (role
 * {@link Roles#SERVICE}), naming the signed-in person it acts for in {@link Callers#ON_BEHALF_OF}, so
 * that the other service records the person, not the service, as the author.
 */
public final class ServiceAccountCalls {

    private final PlatformSecurity.ServiceAccount account;

    ServiceAccountCalls(PlatformSecurity.ServiceAccount account) {
        this.account = account;
    }

    /** The interceptor to add to a {@code RestClient} that calls another service of the platform. */
    public ClientHttpRequestInterceptor interceptor() {
        if (!account.configured()) {
            throw new IllegalStateException("platform.security.service-account.username and .password are not set:"
                    + " this service cannot call another one");
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
        return (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, basic);
            Authentication person = SecurityContextHolder.getContext().getAuthentication();
            if (person != null && person.isAuthenticated() && !(person instanceof AnonymousAuthenticationToken)) {
                request.getHeaders().set(Callers.ON_BEHALF_OF, person.getName());
            }
            return execution.execute(request, body);
        };
    }
}
