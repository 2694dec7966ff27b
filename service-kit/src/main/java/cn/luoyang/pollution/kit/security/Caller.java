package cn.luoyang.pollution.kit.security;

import java.util.Set;

/**
 * Who is calling: the signed-in person, or the person a platform service acts for. {@code name} is
 * what a change is signed with (the author of a rule change, the decider of an arbitration);
 * {@code via} names the service account when a service called on the person's behalf.
 */
public record Caller(String name, Set<String> roles, String via) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
