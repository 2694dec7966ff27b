package cn.luoyang.pollution.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started without the demo profile, the provider has none of the demo people, needs its clients'
 * secrets given, and refuses a published demo secret.
 */
class OutsideTheDemoProfileTest {

    /** BCrypt (cost 4) of "not-the-demo-one". */
    static final String OWN_SECRET = "{bcrypt}$2a$04$8rXnTqknacq0H8CEfbtAdeFHtTpRGKGN5WBilO0BQ8KBHrLr2vM1m";
    /** BCrypt (cost 4) of "another-own-one" (two clients may not share a secret). */
    static final String OTHER_SECRET = "{bcrypt}$2a$04$6tvhAwaeKz8a.BHf9B02uuxGpaqvlMiBZYRIufE0ztRnQe1PnS.lC";
    /** BCrypt (cost 10) of the console's published demo secret console-login-2026. */
    static final String DEMO_SECRET = "{bcrypt}$2a$10$thS.x.zQ2gWUCypcyk/3q.i.h4s2uRf13aSrvAoSlEO9Z/y2TUt6m";

    @TempDir
    Path data;

    @Test
    void aPublishedDemoSecretStopsTheProvider() {
        assertThatThrownBy(() -> IdentityServer.start(data, "--spring.profiles.active=city",
                "--IDENTITY_SVC_CONSOLE_SECRET=" + OWN_SECRET, "--IDENTITY_CONSOLE_SECRET=" + DEMO_SECRET).close())
                .rootCause().hasMessageContaining("demo credentials").hasMessageContaining("console");
    }

    @Test
    void aServiceClientWithoutItsSecretStopsTheProvider() {
        assertThatThrownBy(() -> IdentityServer.start(data, "--spring.profiles.active=city",
                "--IDENTITY_CONSOLE_SECRET=" + OWN_SECRET).close())
                .rootCause().hasMessageContaining("svc-console uses client credentials but has no secret");
    }

    @Test
    void withItsOwnSecretsItStartsWithoutTheDemoPeople() throws Exception {
        try (IdentityServer server = IdentityServer.start(data, "--spring.profiles.active=city",
                "--IDENTITY_SVC_CONSOLE_SECRET=" + OWN_SECRET, "--IDENTITY_CONSOLE_SECRET=" + OTHER_SECRET)) {
            Tokens tokens = new Tokens(server.issuer());
            assertThat(tokens.clientCredentials("svc-console", "not-the-demo-one").statusCode()).isEqualTo(200);
            assertThat(tokens.authorizationCode("cli", "http://127.0.0.1/callback", Tokens.challenge(Tokens.verifier()),
                    "campaign", "luoyang2026")).as("no demo people").isNull();
        }
    }
}
