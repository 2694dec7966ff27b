package cn.luoyang.pollution.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The real identity-service on a free loopback port, with its signing key in the given folder. */
public final class IdentityServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private IdentityServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Under the demo profile (the surefire configuration includes it), with the demo people and secrets. */
    public static IdentityServer start(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--server.address=127.0.0.1",
                // blank: the issuer is the URL a request reaches the provider at (http://127.0.0.1:<port>)
                "--identity.issuer=", "--identity.data-dir=" + dataDir));
        args.addAll(List.of(extraArgs));
        return new IdentityServer(new SpringApplicationBuilder(IdentityApplication.class)
                .properties("spring.main.banner-mode=off", IdentityApplication.CONFIG_NAME).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String issuer() {
        return "http://127.0.0.1:" + port();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
