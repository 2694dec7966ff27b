package cn.luoyang.pollution.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The shipped local users hold BCrypt hashes (cost 10) of the password the README documents. */
class LocalUsersFileTest {

    @Test
    void everyShippedUserHasAStrongHashOfTheDocumentedDemoPassword() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/enforcement-users.yml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("password: \"(\\{bcrypt}\\$2a\\$(\\d\\d)\\$[^\"]+)\"").matcher(yaml);
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<String> hashes = new java.util.ArrayList<>();
        while (m.find()) {
            assertThat(m.group(2)).isEqualTo("10");
            hashes.add(m.group(1));
        }
        assertThat(hashes).hasSize(13).doesNotHaveDuplicates();
        assertThat(hashes).allSatisfy(h -> assertThat(encoder.matches("luoyang2026", h)).isTrue());
        assertThat(yaml).doesNotContain("luoyang2026\"");
    }
}
