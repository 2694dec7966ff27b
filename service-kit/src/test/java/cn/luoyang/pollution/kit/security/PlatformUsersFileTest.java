package cn.luoyang.pollution.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped local users hold BCrypt hashes (cost 10) of the passwords the file documents: the
 * people's demo password, and the console service account's own secret; every role is a known one.
 */
class PlatformUsersFileTest {

    private static final List<String> KNOWN_ROLES = List.of(Roles.HANDLER, Roles.GRID_MEMBER, Roles.CAMPAIGN_OFFICE,
            Roles.SUPERVISOR, Roles.DISCIPLINE, Roles.OPERATOR, Roles.ADMIN, Roles.SERVICE);

    @Test
    void everyShippedUserHasAStrongHashOfItsDocumentedPassword() throws IOException {
        List<Map<String, Object>> users = users();
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(users).hasSize(15);
        assertThat(users).allSatisfy(user -> {
            String hash = (String) user.get("password");
            assertThat(hash).startsWith("{bcrypt}$2a$10$");
            String password = Roles.SERVICE.equals(user.get("role")) ? "console-service-2026" : "luoyang2026";
            assertThat(encoder.matches(password, hash)).as("%s", user.get("username")).isTrue();
            assertThat(KNOWN_ROLES).contains((String) user.get("role"));
        });
        assertThat(users.stream().map(u -> u.get("password"))).doesNotHaveDuplicates();
        assertThat(users).filteredOn(u -> Roles.OPERATOR.equals(u.get("role"))).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> users() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/platform-users.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> security = (Map<String, Object>) ((Map<String, Object>) root.get("platform")).get("security");
            return (List<Map<String, Object>>) security.get("users");
        }
    }
}
