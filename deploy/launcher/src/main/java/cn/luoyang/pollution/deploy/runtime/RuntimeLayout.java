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
        Map<String, String> extraServiceEnv) {

    public static final List<String> DEFAULT_SERVICE_JVM = List.of(
            "-Xmx224m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    public static final List<String> DEFAULT_BROKER_JVM = List.of("-Xmx512m", "-Xms256m");
    public static final List<String> DEFAULT_MONGO_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

    public RuntimeLayout {
        ports = Map.copyOf(ports);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        brokerJvmOptions = List.copyOf(brokerJvmOptions);
        mongoJvmOptions = List.copyOf(mongoJvmOptions);
        extraServiceEnv = Map.copyOf(extraServiceEnv);
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
                Optional.empty(), DEFAULT_SERVICE_JVM, DEFAULT_BROKER_JVM, DEFAULT_MONGO_JVM, Map.of());
    }

    public int port(Component component) {
        return ports.get(component);
    }

    public RuntimeLayout withPort(Component component, int port) {
        Map<Component, Integer> changed = new EnumMap<>(ports);
        changed.put(component, port);
        return new RuntimeLayout(repositoryRoot, dataDir, host, changed, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv);
    }

    public RuntimeLayout withKafkaControllerPort(int port) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, port, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv);
    }

    public RuntimeLayout withDataDir(Path dir) {
        return new RuntimeLayout(repositoryRoot, dir, host, ports, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv);
    }

    public RuntimeLayout withExternalMongo(String uri) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, Optional.ofNullable(uri),
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, extraServiceEnv);
    }

    public RuntimeLayout withServiceJvmOptions(List<String> options) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, externalMongoUri,
                options, brokerJvmOptions, mongoJvmOptions, extraServiceEnv);
    }

    /** Extra environment for every service process (e.g. a test switching a gateway into failure mode). */
    public RuntimeLayout withServiceEnv(Map<String, String> env) {
        return new RuntimeLayout(repositoryRoot, dataDir, host, ports, kafkaControllerPort, externalMongoUri,
                serviceJvmOptions, brokerJvmOptions, mongoJvmOptions, env);
    }

    public String kafkaBootstrap() {
        return host + ":" + port(Component.KAFKA);
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
