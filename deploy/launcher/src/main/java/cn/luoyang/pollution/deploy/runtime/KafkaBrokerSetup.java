package cn.luoyang.pollution.deploy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker (broker and controller in one JVM) from {@code deploy/kafka-broker/target/lib}:
 * writes its {@code server.properties}, formats the storage on the first start only, and gives the
 * command that runs it. Every replication factor and minimum ISR is 1, because there is one node.
 */
final class KafkaBrokerSetup {

    private final RuntimeLayout layout;

    KafkaBrokerSetup(RuntimeLayout layout) {
        this.layout = layout;
    }

    Path configFile() {
        return layout.dataDir().resolve("config").resolve("kafka-server.properties");
    }

    /** Writes the configuration (ports may have changed since the last start) and formats the log folder if new. */
    void prepare() {
        try {
            Files.createDirectories(configFile().getParent());
            Files.createDirectories(layout.kafkaDataDir());
            Files.writeString(configFile(), serverProperties());
            if (!Files.exists(layout.kafkaDataDir().resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> command() {
        return javaCommand(List.of("kafka.Kafka", configFile().toString()));
    }

    private void format() throws IOException {
        Path log = layout.logDir().resolve("kafka-format.log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(javaCommand(List.of("kafka.tools.StorageTool", "format",
                "-t", newClusterId(), "-c", configFile().toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }

    private List<String> javaCommand(List<String> mainAndArgs) {
        if (!Files.isDirectory(layout.brokerLibDir())) {
            throw new IllegalStateException("the broker's classpath " + layout.brokerLibDir()
                    + " is missing: build with ./mvnw -q -DskipTests install");
        }
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(JavaCommand.java());
        cmd.addAll(layout.brokerJvmOptions());
        cmd.add("-Dkafka.logs.dir=" + layout.logDir());
        cmd.add("-cp");
        cmd.add(layout.brokerLibDir().toAbsolutePath() + "/*");
        cmd.addAll(mainAndArgs);
        return cmd;
    }

    /** Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    String serverProperties() {
        String host = layout.host();
        int port = layout.port(Component.KAFKA);
        int controller = layout.kafkaControllerPort();
        return String.join("\n",
                "# written by the launcher at every start; edit RuntimeLayout instead",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controller,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controller,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + layout.kafkaDataDir().toAbsolutePath(),
                "num.partitions=4",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "auto.create.topics.enable=true",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "")
                ;
    }
}
