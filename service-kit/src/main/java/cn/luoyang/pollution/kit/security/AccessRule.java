package cn.luoyang.pollution.kit.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * One row of a service's access table: requests with this method (any, when {@code null}) on this
 * path pattern are open to anyone ({@code open}), allowed to the listed roles, or refused to everyone
 * (not open and no roles).
 */
public record AccessRule(HttpMethod method, String pattern, boolean open, List<String> roles) {

    public AccessRule {
        roles = List.copyOf(roles);
        if (open && !roles.isEmpty()) {
            throw new IllegalArgumentException(pattern + ": an open rule lists no roles");
        }
    }
}
