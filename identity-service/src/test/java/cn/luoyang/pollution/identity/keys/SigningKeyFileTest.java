package cn.luoyang.pollution.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.identity.IdentityServer;
import cn.luoyang.pollution.identity.Tokens;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key: created once, owner-only, the same after a restart; a key others may read is refused. */
class SigningKeyFileTest {

    @TempDir
    Path data;

    @Test
    void theKeyIsCreatedOwnerOnlyAndKept() throws Exception {
        RSAKey first = SigningKeyFile.loadOrCreate(data);
        Path file = data.resolve(SigningKeyFile.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SigningKeyFile.loadOrCreate(data)).isEqualTo(first);
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws Exception {
        SigningKeyFile.loadOrCreate(data);
        Files.setPosixFilePermissions(data.resolve(SigningKeyFile.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(data)).hasMessageContaining("may be read by others");
    }

    @Test
    void aTokenIssuedBeforeARestartIsStillValidAfterIt() throws Exception {
        String token;
        try (IdentityServer before = IdentityServer.start(data)) {
            token = Tokens.JSON.readTree(new Tokens(before.issuer()).clientCredentials("svc-console", "console-service-2026")
                    .body()).get("access_token").asString();
        }
        try (IdentityServer after = IdentityServer.start(data)) {
            // the issuer is the same URL only if the port is: check the signature against the new JWKS
            var decoder = org.springframework.security.oauth2.jwt.NimbusJwtDecoder
                    .withJwkSetUri(after.issuer() + "/oauth2/jwks").build();
            assertThat(decoder.decode(token).getClaimAsString("preferred_username")).isEqualTo("svc-console");
        }
    }
}
