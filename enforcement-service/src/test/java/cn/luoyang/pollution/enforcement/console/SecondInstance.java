package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.enforcement.EnforcementServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Another enforcement-service instance on the same MongoDB and broker as a test's own (behind one load balancer). */
final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    SecondInstance(Environment first, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--server.address=127.0.0.1",
                "--spring.mongodb.uri=" + first.getProperty("spring.mongodb.uri"),
                "--spring.cloud.stream.kafka.binder.brokers=" + first.getProperty("spring.cloud.stream.kafka.binder.brokers"),
                "--enforcement.scheduling.enabled=false"));
        args.addAll(List.of(extraArgs));
        context = new SpringApplicationBuilder(EnforcementServiceApplication.class).properties("spring.main.banner-mode=off")
                .run(args.toArray(String[]::new));
    }

    String url() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
