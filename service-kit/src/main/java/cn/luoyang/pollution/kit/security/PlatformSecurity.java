package cn.luoyang.pollution.kit.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.security.*}, the same in every service. {@code mode} is {@code basic} (HTTP Basic
 * against the local users of {@code platform-users.yml}; the local runtime and tests) or {@code jwt}
 * (an OAuth2 resource server: issuer and keys from {@code spring.security.oauth2.resourceserver.jwt.*},
 * the role and unit from the token's claims). {@code service-account} is what this service presents
 * when it calls another one in basic mode.
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurity(String mode, List<LocalUser> users, Claims claims, ServiceAccount serviceAccount) {

    public PlatformSecurity {
        mode = mode == null ? "basic" : mode;
        users = users == null ? List.of() : List.copyOf(users);
        claims = claims == null ? new Claims(null, null, null, null, null) : claims;
        serviceAccount = serviceAccount == null ? new ServiceAccount(null, null, null) : serviceAccount;
    }

    public boolean jwt() {
        return "jwt".equalsIgnoreCase(mode);
    }

    /** A local user; {@code password} is a hash with its id prefix, e.g. {@code {bcrypt}$2a$10$...}. */
    public record LocalUser(String username, String password, String name, String role, String department,
            String territory, String grid) {
    }

    /** Which JWT claims carry the person's role, department, territory, grid and display name. */
    public record Claims(String role, String department, String territory, String grid, String name) {

        public Claims {
            role = role == null ? "role" : role;
            department = department == null ? "department" : department;
            territory = territory == null ? "territory" : territory;
            grid = grid == null ? "grid" : grid;
            name = name == null ? "name" : name;
        }
    }

    /**
     * The account this service presents to another service: in basic mode a local user and its password,
     * in jwt mode a client of the issuer ({@code username} = client id, {@code password} = client secret;
     * {@code issuerUri} defaults to the resource server's issuer). Plain text, from a secret.
     */
    public record ServiceAccount(String username, String password, String issuerUri) {

        public boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
