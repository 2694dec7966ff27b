package cn.luoyang.pollution.enforcement.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code enforcement.security.*}: {@code mode} is {@code basic} (local users from
 * {@code enforcement-users.yml}, HTTP Basic; the default) or {@code jwt} (an OAuth2/OIDC resource
 * server; issuer and key set from {@code spring.security.oauth2.resourceserver.jwt.*}).
 */
@ConfigurationProperties("enforcement.security")
public record SecurityProperties(String mode, List<LocalUser> users, Claims claims) {

    public SecurityProperties {
        mode = mode == null ? "basic" : mode;
        users = users == null ? List.of() : List.copyOf(users);
        claims = claims == null ? new Claims(null, null, null, null, null) : claims;
    }

    public boolean jwt() {
        return "jwt".equalsIgnoreCase(mode);
    }

    /** A local user; {@code password} is a hash with its id prefix, e.g. {@code {bcrypt}$2a$10$...}. */
    public record LocalUser(String username, String password, String name, String role, String department,
            String territory, String grid) {
    }

    /** Which JWT claims carry the officer's role, department, territory, grid and display name. */
    public record Claims(String role, String department, String territory, String grid, String name) {

        public Claims {
            role = role == null ? "role" : role;
            department = department == null ? "department" : department;
            territory = territory == null ? "territory" : territory;
            grid = grid == null ? "grid" : grid;
            name = name == null ? "name" : name;
        }
    }
}
