package cn.luoyang.pollution.kit.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * One row of a service's access table: requests with this method (any, when {@code null}) on this
 * path pattern are open to anyone ({@code roles} empty and {@code open}), or to the listed roles.
 */
public record AccessRule(HttpMethod method, String pattern, boolean open, List<String> roles) {

    public AccessRule {
        roles = List.copyOf(roles);
        if (open == !roles.isEmpty()) {
            throw new IllegalArgumentException(pattern + ": a rule is either open or lists its roles");
        }
    }
}
