package cn.luoyang.pollution.identity;

import cn.luoyang.pollution.identity.clients.ClientSpec;
import cn.luoyang.pollution.identity.people.People;
import cn.luoyang.pollution.identity.people.Person;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo people and clients share passwords printed in the README. They belong to the {@code demo}
 * profile (which {@code ./run} and the tests set); a provider started without it that finds one of those
 * passwords behind any configured person or client secret refuses to start. service-kit's
 * {@code DemoCredentials} does the same for the services.
 */
final class DemoCredentialsGuard {

    static final String DEMO_PROFILE = "demo";
    /** The published demo passwords: people, the console's service account, the console's OIDC client. */
    static final List<String> KNOWN = List.of("luoyang2026", "console-service-2026", "console-login-2026");

    private DemoCredentialsGuard() {
    }

    static void check(Environment environment, People people, List<ClientSpec> clients, PasswordEncoder encoder) {
        if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return;
        }
        List<String> found = Stream.concat(
                        people.users().stream().filter(p -> demo(p.password(), encoder)).map(Person::username),
                        clients.stream().filter(c -> c.confidential() && demo(c.secret(), encoder)).map(ClientSpec::id))
                .toList();
        if (!found.isEmpty()) {
            throw new IllegalStateException("demo credentials configured outside the demo profile for " + found
                    + ": give them their own secrets, or start with spring.profiles.active=demo for a demonstration");
        }
    }

    private static boolean demo(String hash, PasswordEncoder encoder) {
        return hash != null && KNOWN.stream().anyMatch(known -> encoder.matches(known, hash));
    }
}
