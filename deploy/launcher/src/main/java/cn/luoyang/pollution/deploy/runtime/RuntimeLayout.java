package cn.luoyang.pollution.deploy.runtime;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where everything lives and listens: the repository (to find the built jars), the data folder,
 * the ports, and the JVM options per kind of process. {@code ./run} builds one from its options;
 * the system tests build one with free ports and a temporary folder.
 */
public record RuntimeLayout(
        Path repositoryRoot,
        Path dataDir,
        String host,
        Map<Component, Integer> ports,
        int kafkaControllerPort,
        Optional<String> externalMongoUri,
        List<String> serviceJvmOptions,
        List<String> brokerJvmOptions,
        List<String> mongoJvmOptions,
        Map<String, String> extraServiceEnv,
        int brokers,
        int instances,
        boolean mongoInMemory) {

    public static final List<String> DEFAULT_SERVICE_JVM = List.of(
            "-Xmx224m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    public static final List<String> DEFAULT_BROKER_JVM = List.of("-Xmx512m", "-Xms256m");
    public static final List<String> DEFAULT_MONGO_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");
    /** The memory backend holds every document in the heap. */
    public static final List<String> DEFAULT_MONGO_MEMORY_JVM = List.of("-Xmx1536m", "-XX:+UseSerialGC");
    /** Each node of a three-node cluster holds a third of the leaders: a smaller heap is plenty. */
    public static final List<String> DEFAULT_CLUSTER_BROKER_JVM = List.of("-Xmx256m", "-Xms128m");
    /** With N instances, instance i (1..N) listens on the service's port + i × this; the balancer on the port itself. */
    public static final int INSTANCE_PORT_STEP = 100;
    /**
     * Actuator (health, info, prometheus) of every service and of the identity provider listens on a
     * port of its own, {@code management.server.port}: the HTTP port of that process + this (9081–9085 by
     * default; instance i of a cluster on the service's port + 100 × i + 1000). The public ports serve no
     * {@code /actuator/**}; the balancers stay on the public ports.
     */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;
    /** Node n (1..brokers) of a cluster listens on the Kafka port + 2(n−1) and the controller port + 2(n−1). */
    public static final int BROKER_PORT_STEP = 2;
    /** Partitions of every topic: a consumer group can spread over at most this many instances. */
    public static final int TOPIC_PARTITIONS = 4;

    public RuntimeLayout {
        ports = Map.copyOf(ports);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        brokerJvmOptions = List.copyOf(brokerJvmOptions);
        mongoJvmOptions = List.copyOf(mongoJvmOptions);
        extraServiceEnv = Map.copyOf(extraServiceEnv);
        if (brokers < 1 || brokers > 5) {
            throw new IllegalArgumentException("brokers must be 1 to 5, not " + brokers);
        }
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("instances must be 1 to 9, not " + instances);
        }
    }

    /** The documented defaults: 8081–8084, identity 8085, Kafka 9092 (controller 9093), MongoDB 27017, data in {@code ./var}. */
    public static RuntimeLayout defaults(Path repositoryRoot) {
        Map<Component, Integer> ports = new EnumMap<>(Component.class);
        ports.put(Component.KAFKA, 9092);
        ports.put(Component.MONGO, 27017);
        ports.put(Component.COMPLAINT, 8081);
        ports.put(Component.DISPATCH, 8082);
        ports.put(Component.ENFORCEMENT, 8083);
        ports.put(Component.NOTIFICATION, 8084);
        ports.put(Component.IDENTITY, 8085);
        return new RuntimeLayout(repositoryRoot, repositoryRoot.resolve("var"), "127.0.0.1", ports, 9093,
                Optional.empty(), DEFAULT_SERVICE_JVM, DEFAULT_BROKER_JVM, DEFAULT_MONGO_JVM, Map.of(), 1, 1, false);
    }

    public int port(Component component) {
        return ports.get(component);
    }

    public RuntimeLayout withPort(Component component, int port) {
        Map<Component, Integer> changed = new EnumMap<>(ports);
        changed.put(component, port);
        return new RuntimeLayout(repositoryRoot, dataDir, host, changed, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv, brokers, instances, mongoInMemory);
    }

    public RuntimeLayout withKafkaControllerPort(int port) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, port, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv, brokers, instances, mongoInMemory);
    }

    public RuntimeLayout withDataDir(Path dir) {
        return new RuntimeLayout(repositoryRoot, dir, host, ports, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv, brokers, instances, mongoInMemory);
    }

    public RuntimeLayout withExternalMongo(String uri) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, Optional.ofNullable(uri),
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv, brokers, instances, mongoInMemory);
    }

    public RuntimeLayout withServiceJvmOptions(List<String> options) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, externalMongoUri,
                options, brokerJvmOptions, mongoJvmOptions, extraServiceEnv, brokers, instances, mongoInMemory);
    }

    /** Extra environment for every service process (e.g. a test switching a gateway into failure mode). */
    public RuntimeLayout withServiceEnv(Map<String, String> env) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, env, brokers, instances, mongoInMemory);
    }

    /**
     * {@code n} Kafka nodes in KRaft, each its own JVM acting as broker and controller (all are voters).
     * The default JVM options shrink to {@link #DEFAULT_CLUSTER_BROKER_JVM} unless they were changed.
     */
    public RuntimeLayout withBrokers(int n) {
        List<String> jvm = n > 1 && brokerJvmOptions.equals(DEFAULT_BROKER_JVM) ? DEFAULT_CLUSTER_BROKER_JVM
                : n == 1 && brokerJvmOptions.equals(DEFAULT_CLUSTER_BROKER_JVM) ? DEFAULT_BROKER_JVM : brokerJvmOptions;
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, jvm, mongoJvmOptions, extraServiceEnv, n, instances, mongoInMemory);
    }

    /** {@code n} instances of every service, behind a round-robin {@link Balancer} on the service's port when n > 1. */
    public RuntimeLayout withInstances(int n) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv, brokers, n, mongoInMemory);
    }

    /**
     * The embedded MongoDB on its memory backend ({@code ./run --backend memory}): the same server and
     * indexes with nothing written to disk and everything gone at the stop, to measure the services
     * without the file store; with {@link #DEFAULT_MONGO_MEMORY_JVM} unless its JVM options were changed.
     */
    public RuntimeLayout withMongoInMemory(boolean inMemory) {
        List<String> jvm = inMemory && mongoJvmOptions.equals(DEFAULT_MONGO_JVM) ? DEFAULT_MONGO_MEMORY_JVM
                : !inMemory && mongoJvmOptions.equals(DEFAULT_MONGO_MEMORY_JVM) ? DEFAULT_MONGO_JVM : mongoJvmOptions;
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, jvm, extraServiceEnv, brokers, instances, inMemory);
    }

    /** Every topic's replication factor: three copies once there are three nodes. */
    public int replicationFactor() {
        return Math.min(3, brokers);
    }

    /** With three copies a write needs two (acks=all): one node may be down without stopping producers. */
    public int minInsyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    /** Client port of Kafka node {@code node} (1..brokers). */
    public int kafkaPort(int node) {
        return port(Component.KAFKA) + BROKER_PORT_STEP * (node - 1);
    }

    /** KRaft controller port of Kafka node {@code node} (1..brokers). */
    public int kafkaControllerPort(int node) {
        return kafkaControllerPort + BROKER_PORT_STEP * (node - 1);
    }

    /** All nodes, so that a client can start while any one of them is down. */
    public String kafkaBootstrap() {
        StringBuilder b = new StringBuilder();
        for (int node = 1; node <= brokers; node++) {
            b.append(node > 1 ? "," : "").append(host).append(':').append(kafkaPort(node));
        }
        return b.toString();
    }

    /** Where instance {@code instance} (1..n) listens; one instance, or a component that is never replicated, on its own port. */
    public int instancePort(Component service, int instance) {
        return instances == 1 || !service.isService() ? port(service) : port(service) + INSTANCE_PORT_STEP * instance;
    }

    public String instanceUrl(Component service, int instance) {
        return "http://" + host + ":" + instancePort(service, instance);
    }

    /** Where Actuator of instance {@code instance} (1..n) listens: its HTTP port + {@link #MANAGEMENT_PORT_OFFSET}. */
    public int managementPort(Component service, int instance) {
        int port = instancePort(service, instance) + MANAGEMENT_PORT_OFFSET;
        if (port > 65_535) {
            throw new IllegalArgumentException(service.processName() + ": HTTP port " + instancePort(service, instance)
                    + " leaves no room for its management port (+" + MANAGEMENT_PORT_OFFSET + ")");
        }
        return port;
    }

    /** The base URL of instance {@code instance}'s Actuator (its management port). */
    public String managementUrl(Component service, int instance) {
        return "http://" + host + ":" + managementPort(service, instance);
    }

    public String mongoUri() {
        return externalMongoUri.orElse("mongodb://" + host + ":" + port(Component.MONGO));
    }

    public String serviceUrl(Component service) {
        return "http://" + host + ":" + port(service);
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    public Path logDir() {
        return dataDir.resolve("log");
    }

    public Path kafkaDataDir() {
        return dataDir.resolve("kafka");
    }

    /** The log folder of node {@code node}: {@code kafka/} for a single node, {@code kafka-cluster/node-n/} in a cluster. */
    public Path kafkaDataDir(int node) {
        return brokers == 1 ? kafkaDataDir() : dataDir.resolve("kafka-cluster").resolve("node-" + node);
    }

    public Path mongoDataDir() {
        return dataDir.resolve("mongo");
    }

    public Path serviceJar(Component service) {
        String name = service.processName();
        // identity-service's runnable jar has a classifier: its plain jar is a test dependency of a service
        String suffix = service == Component.IDENTITY ? "-exec.jar" : ".jar";
        return repositoryRoot.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT" + suffix);
    }

    public Path brokerLibDir() {
        return repositoryRoot.resolve("deploy/kafka-broker/target/lib");
    }

    public Path mongoServerLibDir() {
        return repositoryRoot.resolve("deploy/mongo-server/target/lib");
    }

    public Path mongoServerJar() {
        return repositoryRoot.resolve("deploy/mongo-server/target/mongo-server-0.1.0-SNAPSHOT.jar");
    }
}
