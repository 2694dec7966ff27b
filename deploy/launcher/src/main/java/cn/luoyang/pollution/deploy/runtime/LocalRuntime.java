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
 * The whole system on one machine as separate processes: Kafka (one KRaft node, or a cluster of
 * several, each its own JVM), the embedded MongoDB server (unless an external MongoDB is given) and
 * the four services, each once or as several instances behind a {@link Balancer} on its standard
 * port. Starts them in dependency order and waits until each is healthy; stops them in reverse
 * order. The fault suite uses {@link #kill} and {@link #restart} on whole components or on one
 * node or instance of them.
 */
public final class LocalRuntime implements AutoCloseable {

    public static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Every service is a resource server of the runtime's identity provider unless the layout's service environment says otherwise. */
    static final String SECURITY_MODE = "jwt";

    private final RuntimeLayout layout;
    private final List<KafkaBrokerSetup> brokerNodes = new ArrayList<>();
    /** Per component its processes: Kafka's nodes 1..n, a service's instances 1..n (index + 1). */
    private final Map<Component, List<ManagedProcess>> processes = new EnumMap<>(Component.class);
    private final Map<Component, Balancer> balancers = new EnumMap<>(Component.class);

    public LocalRuntime(RuntimeLayout layout) {
        this.layout = layout;
        processes.put(Component.IDENTITY, List.of(process(Component.IDENTITY.processName(), serviceCommand(Component.IDENTITY), identityEnv())));
        List<ManagedProcess> kafka = new ArrayList<>();
        for (int node = 1; node <= layout.brokers(); node++) {
            KafkaBrokerSetup setup = new KafkaBrokerSetup(layout, node);
            brokerNodes.add(setup);
            kafka.add(process(numbered(Component.KAFKA, node, layout.brokers()), setup.command(), Map.of()));
        }
        processes.put(Component.KAFKA, kafka);
        if (layout.externalMongoUri().isEmpty()) {
            processes.put(Component.MONGO, List.of(process(Component.MONGO.processName(), mongoCommand(), Map.of())));
        }
        for (Component service : Component.services()) {
            List<ManagedProcess> instances = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            for (int i = 1; i <= layout.instances(); i++) {
                instances.add(process(numbered(service, i, layout.instances()), serviceCommand(service), serviceEnv(service, i)));
                ports.add(layout.instancePort(service, i));
            }
            processes.put(service, instances);
            if (layout.instances() > 1) {
                balancers.put(service, new Balancer(service.processName(), layout.host(), layout.port(service), ports));
            }
        }
    }

    private ManagedProcess process(String name, List<String> command, Map<String, String> env) {
        return new ManagedProcess(name, command, env, layout.dataDir(), layout.logDir().resolve(name + ".log"));
    }

    /** {@code complaint-service} alone, {@code complaint-service-2} as the second of several. */
    private static String numbered(Component component, int index, int count) {
        return count == 1 ? component.processName() : component.processName() + "-" + index;
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
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int node = 1; node <= layout.brokers(); node++) {
            String name = numbered(Component.KAFKA, node, layout.brokers());
            wanted.put(name + " port", layout.kafkaPort(node));
            wanted.put(name + " controller port", layout.kafkaControllerPort(node));
        }
        if (layout.externalMongoUri().isEmpty()) {
            wanted.put("mongo-server port", layout.port(Component.MONGO));
        }
        for (Component service : Component.services()) {
            wanted.put(service.processName() + " port", layout.port(service));
            for (int i = 1; i <= layout.instances() && layout.instances() > 1; i++) {
                wanted.put(numbered(service, i, layout.instances()) + " port", layout.instancePort(service, i));
            }
            for (int i = 1; i <= layout.instances(); i++) {
                wanted.put(numbered(service, i, layout.instances()) + " management port", layout.managementPort(service, i));
            }
        }
        wanted.put("identity-service port", layout.port(Component.IDENTITY));
        wanted.put("identity-service management port", layout.managementPort(Component.IDENTITY, 1));
        List<String> busy = new ArrayList<>();
        wanted.forEach((what, port) -> {
            if (Probes.portAnswers(layout.host(), port)) {
                busy.add(what + " " + port);
            }
        });
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

    /** The identity provider starts first, alongside the broker and the store; the services start once all answer. */
    public void startInfrastructure() {
        processes.get(Component.IDENTITY).get(0).start();
        startBrokerAndStore();
        awaitHealthy(Component.IDENTITY);
    }

    /** The Kafka node(s) and the embedded MongoDB server (unless an external one is configured), healthy on return. */
    public void startBrokerAndStore() {
        brokerNodes.forEach(KafkaBrokerSetup::prepare);
        // the nodes of a cluster start together: none is ready before a majority of the voters runs
        processes.get(Component.KAFKA).forEach(ManagedProcess::start);
        if (processes.containsKey(Component.MONGO)) {
            processes.get(Component.MONGO).get(0).start();
        }
        awaitHealthy(Component.KAFKA);
        awaitHealthy(Component.MONGO);
    }

    public void startServices() {
        for (Component service : Component.services()) {
            processes.get(service).forEach(ManagedProcess::start);
            Balancer balancer = balancers.get(service);
            if (balancer != null) {
                balancer.start();
            }
        }
        for (Component service : Component.services()) {
            awaitHealthy(service);
        }
    }

    /** Waits until every node or instance of the component is healthy (and, with several instances, its balancer answers). */
    public void awaitHealthy(Component component) {
        List<ManagedProcess> all = processes.get(component);
        if (all == null) {
            return;
        }
        for (int i = 1; i <= all.size(); i++) {
            awaitHealthy(component, i);
        }
        if (balancers.containsKey(component)) {
            // the balancer hands out the public port, which has no Actuator: that it accepts connections is its health
            Probes.await(null, component.processName() + " balancer at " + layout.serviceUrl(component),
                    () -> Probes.portAnswers(layout.host(), layout.port(component)), SERVICE_TIMEOUT);
        }
    }

    /** Waits until node or instance {@code index} (1..n) of the component is healthy. */
    public void awaitHealthy(Component component, int index) {
        ManagedProcess process = process(component, index);
        switch (component) {
            case KAFKA -> Probes.await(process, "Kafka node " + index + " on " + layout.host() + ":" + layout.kafkaPort(index),
                    () -> process.logSinceStartContains("Kafka Server started")
                            && Probes.portAnswers(layout.host(), layout.kafkaPort(index)),
                    INFRASTRUCTURE_TIMEOUT);
            case MONGO -> Probes.await(process, "MongoDB at " + layout.mongoUri(),
                    () -> Probes.mongoPing(layout.mongoUri()), INFRASTRUCTURE_TIMEOUT);
            default -> Probes.await(process, process.name() + " health at " + layout.managementUrl(component, index),
                    () -> Probes.actuatorUp(layout.managementUrl(component, index)), SERVICE_TIMEOUT);
        }
    }

    /** SIGKILL, as a crash: every node or instance of the component. */
    public void kill(Component component) {
        processes.get(component).forEach(ManagedProcess::kill);
    }

    /** SIGKILL of node or instance {@code index} (1..n) only. */
    public void kill(Component component, int index) {
        process(component, index).kill();
    }

    /** SIGTERM and wait (graceful shutdown): every node or instance of the component. */
    public void stop(Component component) {
        List<ManagedProcess> all = processes.get(component);
        if (all != null) {
            all.forEach(p -> p.stop(STOP_GRACE));
        }
    }

    /** SIGTERM and wait for node or instance {@code index} (1..n) only. */
    public void stop(Component component, int index) {
        process(component, index).stop(STOP_GRACE);
    }

    /** Starts stopped or killed components again (all their nodes or instances, together) and waits until each is healthy. */
    public void restart(Component... components) {
        for (Component component : components) {
            for (int i = 1; i <= processes.get(component).size(); i++) {
                startAgain(component, i);
            }
        }
        for (Component component : components) {
            awaitHealthy(component);
        }
    }

    /** Starts node or instance {@code index} (1..n) again (stopping it first if it runs) and waits until it is healthy. */
    public void restart(Component component, int index) {
        startAgain(component, index);
        awaitHealthy(component, index);
    }

    /** Starts node or instance {@code index} of each component again (together) and waits until each is healthy. */
    public void restart(int index, Component... components) {
        for (Component component : components) {
            startAgain(component, index);
        }
        for (Component component : components) {
            awaitHealthy(component, index);
        }
    }

    private void startAgain(Component component, int index) {
        ManagedProcess process = process(component, index);
        if (process.isAlive()) {
            process.stop(STOP_GRACE);
        }
        if (component == Component.KAFKA) {
            brokerNodes.get(index - 1).prepare();
        }
        process.start();
    }

    /** Whether every node or instance of the component runs. */
    public boolean isAlive(Component component) {
        List<ManagedProcess> all = processes.get(component);
        return all != null && all.stream().allMatch(ManagedProcess::isAlive);
    }

    /** Components that ended without being asked to. */
    public List<ManagedProcess> unexpectedlyDead() {
        return processes.values().stream().flatMap(List::stream).filter(ManagedProcess::diedUnexpectedly).toList();
    }

    /** The first (or only) node or instance of the component. */
    public ManagedProcess process(Component component) {
        return process(component, 1);
    }

    /** Node or instance {@code index} (1..n) of the component. */
    public ManagedProcess process(Component component, int index) {
        List<ManagedProcess> all = processes.get(component);
        if (all == null || index < 1 || index > all.size()) {
            throw new IllegalArgumentException(component + " has no process " + index);
        }
        return all.get(index - 1);
    }

    /** How many nodes or instances the component has (0 for the embedded MongoDB when an external one is used). */
    public int count(Component component) {
        List<ManagedProcess> all = processes.get(component);
        return all == null ? 0 : all.size();
    }

    /** Resident memory per component (summed over its nodes or instances), in kilobytes. */
    public Map<Component, Long> rssKb() {
        Map<Component, Long> rss = new LinkedHashMap<>();
        processes.forEach((c, all) -> all.forEach(p -> {
            OptionalLong kb = p.rssKb();
            if (kb.isPresent()) {
                rss.merge(c, kb.getAsLong(), Long::sum);
            }
        }));
        return rss;
    }

    /** Resident memory per running process (by its name), in kilobytes. */
    public Map<String, Long> rssKbByProcess() {
        Map<String, Long> rss = new LinkedHashMap<>();
        processes.values().forEach(all -> all.forEach(p -> p.rssKb().ifPresent(kb -> rss.put(p.name(), kb))));
        return rss;
    }

    /**
     * Stops the balancers, then every service instance together, then MongoDB, then the broker
     * nodes, so the services can still commit on the way out.
     */
    @Override
    public void close() {
        balancers.values().forEach(Balancer::close);
        List<CompletableFuture<Integer>> stopping = new ArrayList<>();
        for (Component service : Component.services()) {
            for (ManagedProcess p : processes.get(service)) {
                stopping.add(CompletableFuture.supplyAsync(() -> p.stop(STOP_GRACE)));
            }
        }
        stopping.forEach(CompletableFuture::join);
        stop(Component.MONGO);
        List<CompletableFuture<Integer>> nodes = new ArrayList<>();
        for (ManagedProcess p : processes.get(Component.KAFKA)) {
            nodes.add(CompletableFuture.supplyAsync(() -> p.stop(STOP_GRACE)));
        }
        nodes.forEach(CompletableFuture::join);
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
        if (layout.mongoInMemory()) {
            cmd.addAll(List.of("--backend", "memory"));
        }
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
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(layout.managementPort(Component.IDENTITY, 1)));
        env.put("MANAGEMENT_SERVER_ADDRESS", layout.host());
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("IDENTITY_ISSUER", layout.serviceUrl(Component.IDENTITY));
        env.put("IDENTITY_DATA_DIR", layout.dataDir().resolve("identity").toAbsolutePath().toString());
        // the console's sign-in comes back to whichever name the browser used for it
        String callback = ":" + layout.port(Component.ENFORCEMENT) + "/login/oauth2/code/platform";
        env.put("IDENTITY_CONSOLE_REDIRECT_URIS", "http://" + layout.host() + callback + ",http://localhost" + callback);
        // and after signing out there, the provider sends the browser back to the console's sign-in page
        String signedOut = ":" + layout.port(Component.ENFORCEMENT) + "/console/login?logout";
        env.put("IDENTITY_CONSOLE_POST_LOGOUT_REDIRECT_URIS", "http://" + layout.host() + signedOut + ",http://localhost" + signedOut);
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    private Map<String, String> serviceEnv(Component service, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(layout.instancePort(service, instance)));
        env.put("SERVER_ADDRESS", layout.host());
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(layout.managementPort(service, instance)));
        env.put("MANAGEMENT_SERVER_ADDRESS", layout.host());
        env.put("KAFKA_BOOTSTRAP_SERVERS", layout.kafkaBootstrap());
        env.put("MONGODB_URI", layout.mongoUri());
        env.put(service.envPrefix() + "_MONGODB_URI", layout.mongoUri());
        env.put("POLLUTION_DATA_DIR", layout.dataDir().toAbsolutePath().toString());
        env.put("REPORTER_CONTACT_KEYS_DIR", layout.keysDir().toAbsolutePath().toString());
        // the demo people and secrets (README) exist under this profile only
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        // callers prove who they are with the identity provider's tokens, as in production (--auth basic: HTTP Basic)
        env.put("PLATFORM_SECURITY_MODE", SECURITY_MODE);
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", layout.serviceUrl(Component.IDENTITY));
        if (service == Component.ENFORCEMENT) {
            // the console calls dispatch and notification and links the reporters' photos: wherever this runtime put them
            env.put("CONSOLE_DISPATCH_BASE_URL", layout.serviceUrl(Component.DISPATCH));
            env.put("CONSOLE_NOTIFICATION_BASE_URL", layout.serviceUrl(Component.NOTIFICATION));
            env.put("CONSOLE_COMPLAINT_MEDIA_BASE_URL", layout.serviceUrl(Component.COMPLAINT));
        }
        // glibc gives threads that allocate natively their own malloc arenas (up to 8 per core); two
        // are plenty for a service. Measured under full load: 4–15 MB less peak RSS per service
        // (system-tests/BENCHMARKS.md), not the 512 MB target's missing margin for complaint-service
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(layout.extraServiceEnv());
        return env;
    }
}
