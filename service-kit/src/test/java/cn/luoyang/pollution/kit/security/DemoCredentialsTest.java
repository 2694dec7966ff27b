package cn.luoyang.pollution.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A service started outside the demo profile refuses the published demo passwords; under it, it takes them. */
class DemoCredentialsTest {

    /** luoyang2026, BCrypt cost 4 (the test users' hash of the demo password). */
    static final String DEMO_HASH = "{bcrypt}$2a$04$ocZ26xnXDYcCmO1cQshmOuJnBcxndDICvrLxzJN09JwUJshCSPhSy";
    /** not-the-demo-one, BCrypt cost 4. */
    static final String OWN_HASH = "{bcrypt}$2a$04$8rXnTqknacq0H8CEfbtAdeFHtTpRGKGN5WBilO0BQ8KBHrLr2vM1m";

    final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityKitAutoConfiguration.class))
            // a city's own profile (the build's tests run under demo otherwise)
            .withPropertyValues("spring.profiles.active=city",
                    "platform.security.users[0].username=cg-jianxi", "platform.security.users[0].role=HANDLER");

    @Test
    void aDemoPasswordOutsideTheDemoProfileStopsTheService() {
        service.withPropertyValues("platform.security.users[0].password=" + DEMO_HASH).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("demo credentials")
                    .hasMessageContaining("cg-jianxi");
        });
    }

    @Test
    void theConsolesDemoServiceSecretOutsideTheDemoProfileStopsTheService() {
        service.withPropertyValues("platform.security.users[0].password=" + OWN_HASH,
                "platform.security.service-account.username=svc-console",
                "platform.security.service-account.password=console-service-2026").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("platform.security.service-account");
        });
    }

    @Test
    void theDemoProfileTakesTheDemoPasswords() {
        service.withPropertyValues("platform.security.users[0].password=" + DEMO_HASH, "spring.profiles.active=demo")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(UserDetailsService.class));
    }

    @Test
    void ownPasswordsStartWithoutTheDemoProfile() {
        service.withPropertyValues("platform.security.users[0].password=" + OWN_HASH)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(UserDetailsService.class));
    }
}
