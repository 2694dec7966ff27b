package cn.luoyang.pollution.identity;

import cn.luoyang.pollution.identity.clients.ClientSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code identity.*}: the issuer (the URL every service's {@code issuer-uri} names; blank = taken from
 * each request), the audience every access token is for, where the signing key lives, how long an access
 * token lives, and the registered clients.
 */
@ConfigurationProperties("identity")
public record IdentityProperties(String issuer, String audience, Path dataDir, Duration accessTokenTtl,
        List<ClientSpec> clients) {

    public IdentityProperties {
        audience = audience == null || audience.isBlank() ? "luoyang-platform" : audience;
        dataDir = dataDir == null ? Path.of("data", "identity") : dataDir;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        clients = clients == null ? List.of() : List.copyOf(clients);
    }
}
