package cn.luoyang.pollution.kit.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo people and the console's demo service secret are printed in the README: they belong to the
 * {@code demo} profile ({@code ./run} and the tests set it; {@code platform-users.yml} applies only under
 * it). A service started without that profile that finds one of those passwords behind a configured
 * local user or its own service account refuses to start, so a demonstration setup cannot slip into
 * production. identity-service applies the same rule to its people and clients.
 */
public final class DemoCredentials {

    public static final String DEMO_PROFILE = "demo";
    /** The published demo passwords: every person's, the console's service account, the console's OIDC client. */
    public static final List<String> KNOWN = List.of("luoyang2026", "console-service-2026", "console-login-2026");

    private DemoCredentials() {
    }

    static void refuseOutsideDemo(Environment environment, PlatformSecurity security, PasswordEncoder encoder) {
        if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (PlatformSecurity.LocalUser user : security.users()) {
            if (user.password() != null && KNOWN.stream().anyMatch(known -> encoder.matches(known, user.password()))) {
                found.add(user.username());
            }
        }
        String servicePassword = security.serviceAccount().password();
        if (servicePassword != null && KNOWN.contains(servicePassword)) {
            found.add("platform.security.service-account");
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("demo credentials configured outside the demo profile for " + found
                    + ": give them their own secrets, or start with spring.profiles.active=demo for a demonstration");
        }
    }
}
