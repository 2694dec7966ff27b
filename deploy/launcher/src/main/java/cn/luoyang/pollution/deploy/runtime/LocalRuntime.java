package cn.luoyang.pollution.deploy.runtime;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system on one machine as separate processes: a KRaft Kafka broker, the embedded MongoDB
 * server (unless an external MongoDB is given) and the four services. Starts them in dependency
 * order and waits until each is healthy; stops them in reverse order. The fault suite uses
 * {@link #kill} and {@link #restart} on single components.
 */
public final class LocalRuntime implements AutoCloseable {

    public static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final RuntimeLayout layout;
    private final KafkaBrokerSetup broker;
    private final Map<Component, ManagedProcess> processes = new EnumMap<>(Component.class);

    public LocalRuntime(RuntimeLayout layout) {
        this.layout = layout;
        this.broker = new KafkaBrokerSetup(layout);
        processes.put(Component.IDENTITY, new ManagedProcess(Component.IDENTITY.processName(),
                serviceCommand(Component.IDENTITY), identityEnv(), layout.dataDir(), layout.logDir().resolve("identity-service.log")));
        processes.put(Component.KAFKA, new ManagedProcess(Component.KAFKA.processName(), broker.command(), Map.of(),
                layout.dataDir(), layout.logDir().resolve("kafka-broker.log")));
        if (layout.externalMongoUri().isEmpty()) {
            processes.put(Component.MONGO, new ManagedProcess(Component.MONGO.processName(), mongoCommand(), Map.of(),
                    layout.dataDir(), layout.logDir().resolve("mongo-server.log")));
        }
        for (Component service : Component.services()) {
            processes.put(service, new ManagedProcess(service.processName(), serviceCommand(service), serviceEnv(service),
                    layout.dataDir(), layout.logDir().resolve(service.processName() + ".log")));
        }
    }

    public RuntimeLayout layout() {
        return layout;
    }

    /** The artefacts the runtime needs that are not built yet (empty when all are there). */
    public static List<Path> missingArtefacts(RuntimeLayout layout) {
        List<Path> missing = new ArrayList<>();
        for (Component service : Component.values()) {
            if (service.envPrefix() != null && !Files.isRegularFile(layout.serviceJar(service))) {
                missing.add(layout.serviceJar(service));
            }
        }
        if (!Files.isDirectory(layout.brokerLibDir())) {
            missing.add(layout.brokerLibDir());
        }
        if (layout.externalMongoUri().isEmpty() && !Files.isRegularFile(layout.mongoServerJar())) {
            missing.add(layout.mongoServerJar());
        }
        return missing;
    }

    /** Ports that something else already listens on (the runtime would fail to bind them). */
    public List<String> busyPorts() {
        List<String> busy = new ArrayList<>();
        for (Map.Entry<Component, Integer> e : layout.ports().entrySet()) {
            if (e.getKey() == Component.MONGO && layout.externalMongoUri().isPresent()) {
                continue;
            }
            if (Probes.portAnswers(layout.host(), e.getValue())) {
                busy.add(e.getKey().processName() + " port " + e.getValue());
            }
        }
        if (Probes.portAnswers(layout.host(), layout.kafkaControllerPort())) {
            busy.add("kafka controller port " + layout.kafkaControllerPort());
        }
        return busy;
    }

    /** Starts everything and returns once every process is healthy. */
    public void start() {
        List<Path> missing = missingArtefacts(layout);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + " (run ./mvnw -q -DskipTests install)");
        }
        createFolders();
        // Generated once, before any service starts, so two services never race to create it.
        ContactKeys.ensure(layout.keysDir());
        startInfrastructure();
        startServices();
    }

    /** The identity provider starts first, alongside the infrastructure; the services start once both answer. */
    public void startInfrastructure() {
        processes.get(Component.IDENTITY).start();
        broker.prepare();
        processes.get(Component.KAFKA).start();
        if (processes.containsKey(Component.MONGO)) {
            processes.get(Component.MONGO).start();
        }
        awaitHealthy(Component.KAFKA);
        awaitHealthy(Component.MONGO);
        awaitHealthy(Component.IDENTITY);
    }

    public void startServices() {
        for (Component service : Component.services()) {
            processes.get(service).start();
        }
        for (Component service : Component.services()) {
            awaitHealthy(service);
        }
    }

    public void awaitHealthy(Component component) {
        ManagedProcess process = processes.get(component);
        switch (component) {
            case KAFKA -> Probes.await(process, "the Kafka broker on " + layout.kafkaBootstrap(),
                    () -> process.logSinceStartContains("Kafka Server started")
                            && Probes.portAnswers(layout.host(), layout.port(Component.KAFKA)),
                    INFRASTRUCTURE_TIMEOUT);
            case MONGO -> Probes.await(process, "MongoDB at " + layout.mongoUri(),
                    () -> Probes.mongoPing(layout.mongoUri()), INFRASTRUCTURE_TIMEOUT);
            default -> Probes.await(process, component.processName() + " health at " + layout.serviceUrl(component),
                    () -> Probes.actuatorUp(layout.serviceUrl(component)), SERVICE_TIMEOUT);
        }
    }

    /** SIGKILL, as a crash. */
    public void kill(Component component) {
        processes.get(component).kill();
    }

    /** SIGTERM and wait (graceful shutdown). */
    public void stop(Component component) {
        ManagedProcess process = processes.get(component);
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** Starts stopped or killed components again (together) and waits until each is healthy. */
    public void restart(Component... components) {
        for (Component component : components) {
            ManagedProcess process = processes.get(component);
            if (process.isAlive()) {
                process.stop(STOP_GRACE);
            }
            if (component == Component.KAFKA) {
                broker.prepare();
            }
            process.start();
        }
        for (Component component : components) {
            awaitHealthy(component);
        }
    }

    public boolean isAlive(Component component) {
        ManagedProcess process = processes.get(component);
        return process != null && process.isAlive();
    }

    /** Components that ended without being asked to. */
    public List<ManagedProcess> unexpectedlyDead() {
        return processes.values().stream().filter(ManagedProcess::diedUnexpectedly).toList();
    }

    public ManagedProcess process(Component component) {
        return processes.get(component);
    }

    /** Resident memory per running process, in kilobytes. */
    public Map<Component, Long> rssKb() {
        Map<Component, Long> rss = new LinkedHashMap<>();
        processes.forEach((c, p) -> {
            OptionalLong kb = p.rssKb();
            if (kb.isPresent()) {
                rss.put(c, kb.getAsLong());
            }
        });
        return rss;
    }

    /** Stops the services together, then MongoDB, then the broker, so the services can still commit on the way out. */
    @Override
    public void close() {
        List<CompletableFuture<Integer>> stopping = new ArrayList<>();
        for (Component service : Component.services()) {
            ManagedProcess p = processes.get(service);
            stopping.add(CompletableFuture.supplyAsync(() -> p.stop(STOP_GRACE)));
        }
        stopping.forEach(CompletableFuture::join);
        stop(Component.MONGO);
        stop(Component.KAFKA);
        stop(Component.IDENTITY);
    }

    private void createFolders() {
        try {
            Files.createDirectories(layout.dataDir());
            Files.createDirectories(layout.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> mongoCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(JavaCommand.java());
        cmd.addAll(layout.mongoJvmOptions());
        cmd.add("-cp");
        cmd.add(layout.mongoServerJar().toAbsolutePath() + ":" + layout.mongoServerLibDir().toAbsolutePath() + "/*");
        cmd.add("cn.luoyang.pollution.deploy.mongo.EmbeddedMongoServer");
        cmd.addAll(List.of("--host", layout.host(), "--port", Integer.toString(layout.port(Component.MONGO)),
                "--data-dir", layout.mongoDataDir().toAbsolutePath().toString()));
        return cmd;
    }

    private List<String> serviceCommand(Component service) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JavaCommand.java());
        cmd.addAll(layout.serviceJvmOptions());
        cmd.add("-jar");
        cmd.add(layout.serviceJar(service).toAbsolutePath().toString());
        return cmd;
    }

    private Map<String, String> identityEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(layout.port(Component.IDENTITY)));
        env.put("SERVER_ADDRESS", layout.host());
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("IDENTITY_ISSUER", layout.serviceUrl(Component.IDENTITY));
        env.put("IDENTITY_DATA_DIR", layout.dataDir().resolve("identity").toAbsolutePath().toString());
        // the console's sign-in comes back to whichever name the browser used for it
        String callback = ":" + layout.port(Component.ENFORCEMENT) + "/login/oauth2/code/platform";
        env.put("IDENTITY_CONSOLE_REDIRECT_URIS", "http://" + layout.host() + callback + ",http://localhost" + callback);
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    private Map<String, String> serviceEnv(Component service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(layout.port(service)));
        env.put("SERVER_ADDRESS", layout.host());
        env.put("KAFKA_BOOTSTRAP_SERVERS", layout.kafkaBootstrap());
        env.put("MONGODB_URI", layout.mongoUri());
        env.put(service.envPrefix() + "_MONGODB_URI", layout.mongoUri());
        env.put("POLLUTION_DATA_DIR", layout.dataDir().toAbsolutePath().toString());
        env.put("REPORTER_CONTACT_KEYS_DIR", layout.keysDir().toAbsolutePath().toString());
        // the demo people and secrets (README) exist under this profile only; the issuer is used in jwt mode
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", layout.serviceUrl(Component.IDENTITY));
        // glibc gives threads that allocate natively their own malloc arenas (up to 8 per core); two
        // are plenty for a service. Measured under full load: 4–15 MB less peak RSS per service
        // (system-tests/BENCHMARKS.md), not the 512 MB target's missing margin for complaint-service
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(layout.extraServiceEnv());
        return env;
    }
}
