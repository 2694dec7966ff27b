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
 * One KRaft node (broker and controller in one JVM) from {@code deploy/kafka-broker/target/lib}:
 * writes its {@code server.properties}, formats its storage on the first start only, and gives the
 * command that runs it. Alone, every replication factor and minimum ISR is 1; in a cluster of three
 * every node is a controller voter, topics (internal ones too) get three replicas and need two in sync.
 */
final class KafkaBrokerSetup {

    private final RuntimeLayout layout;
    private final int node;

    KafkaBrokerSetup(RuntimeLayout layout) {
        this(layout, 1);
    }

    KafkaBrokerSetup(RuntimeLayout layout, int node) {
        this.layout = layout;
        this.node = node;
    }

    Path configFile() {
        return layout.dataDir().resolve("config")
                .resolve(layout.brokers() == 1 ? "kafka-server.properties" : "kafka-server-" + node + ".properties");
    }

    private Path logDirectory() {
        return layout.kafkaDataDir(node);
    }

    /** Writes the configuration (ports may have changed since the last start) and formats the log folder if new. */
    void prepare() {
        try {
            Files.createDirectories(configFile().getParent());
            Files.createDirectories(logDirectory());
            Files.writeString(configFile(), serverProperties());
            if (!Files.exists(logDirectory().resolve("meta.properties"))) {
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
                "-t", clusterId(), "-c", configFile().toString())))
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

    /** A new id for a single node; the nodes of a cluster share one, kept in the data folder. */
    private String clusterId() throws IOException {
        if (layout.brokers() == 1) {
            return newClusterId();
        }
        Path file = layout.dataDir().resolve("kafka-cluster").resolve("cluster.id");
        synchronized (KafkaBrokerSetup.class) {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, newClusterId());
            }
            return Files.readString(file).trim();
        }
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
        int port = layout.kafkaPort(node);
        int controller = layout.kafkaControllerPort(node);
        StringBuilder voters = new StringBuilder();
        for (int n = 1; n <= layout.brokers(); n++) {
            voters.append(n > 1 ? "," : "").append(n).append('@').append(host).append(':').append(layout.kafkaControllerPort(n));
        }
        String rf = Integer.toString(layout.replicationFactor());
        String minIsr = Integer.toString(layout.minInsyncReplicas());
        return String.join("\n",
                "# written by the launcher at every start; edit RuntimeLayout instead",
                "process.roles=broker,controller",
                "node.id=" + node,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controller,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirectory().toAbsolutePath(),
                // the services create their topics with the broker's replication factor (the kit's
                // binder replication-factor is -1) and at least RuntimeLayout.TOPIC_PARTITIONS partitions
                "num.partitions=" + RuntimeLayout.TOPIC_PARTITIONS,
                "default.replication.factor=" + rf,
                "min.insync.replicas=" + minIsr,
                "offsets.topic.replication.factor=" + rf,
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=" + rf,
                "transaction.state.log.min.isr=" + minIsr,
                "share.coordinator.state.topic.replication.factor=" + rf,
                "share.coordinator.state.topic.min.isr=" + minIsr,
                "auto.create.topics.enable=true",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                // the log cleaner allocates its whole dedupe buffer at start (128 MB by default): in a
                // cluster node's 256 MB heap that allocation once failed with OutOfMemoryError; 32 MB
                // holds the offsets of every compacted topic here (consumer offsets, stream changelogs)
                "log.cleaner.dedupe.buffer.size=33554432",
                "")
                ;
    }
}
