package cn.luoyang.pollution.deploy.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run}: starts the local runtime, prints where everything listens, keeps watch, and
 * stops everything in order on Ctrl-C or SIGTERM. Options override environment variables, which
 * override the defaults; {@code --help} lists them.
 */
public final class Launcher {

    static final String HELP = """
            Usage: ./run [options]

            Starts the Luoyang pollution-control platform on this machine: a Kafka broker (KRaft, one node),
            MongoDB (the embedded wire-protocol server with its H2 file store, or yours with --mongodb-uri),
            the identity provider (OIDC, with the demo people) and the four services, each as its own
            process, under the demo profile. Builds what is missing first. Waits until all are healthy,
            prints where each listens, and stops everything cleanly on Ctrl-C or SIGTERM.
            Data (Kafka log, MongoDB store, reporter-contact keys, the token-signing key, logs) stays in the
            data folder, so the next start carries on where this one stopped.

            As a city runs it: --cluster starts three Kafka nodes (replication 3, min.insync.replicas 2)
            and two instances of every service; a small round-robin balancer on each service's port
            (8081-8084) stands in for the city's load balancer, the instances listen on port + 100 x i.

            Actuator (health, info, prometheus) of each service and of the provider answers on its own
            management port, the HTTP port + 1000 (9081-9085; instance i: port + 100 x i + 1000), not on
            the HTTP port.

            Options (environment variable in brackets; an option wins over the variable):
              --data-dir DIR              data folder                        [POLLUTION_DATA_DIR]  ./var
              --complaint-port N          complaint-service HTTP             [COMPLAINT_PORT]      8081
              --dispatch-port N           dispatch-service HTTP              [DISPATCH_PORT]       8082
              --enforcement-port N        enforcement-service HTTP           [ENFORCEMENT_PORT]    8083
              --notification-port N       notification-service HTTP          [NOTIFICATION_PORT]   8084
              --identity-port N           identity-service (OIDC provider)   [IDENTITY_PORT]       8085
              --kafka-port N              Kafka client listener              [KAFKA_PORT]          9092
              --kafka-controller-port N   Kafka KRaft controller listener    [KAFKA_CONTROLLER_PORT] 9093
              --mongo-port N              embedded MongoDB                   [MONGO_PORT]          27017
              --mongodb-uri URI           use this MongoDB instead of the embedded one [MONGODB_URI]
              --backend file|memory       the embedded MongoDB's store       [MONGO_BACKEND]       file
                                          memory: the same server and indexes, nothing written, all gone
                                          at the stop (to measure the services without the file store)
              --service-jvm-opts "..."    JVM options of each service        [SERVICE_JVM_OPTS]
                                          default: -Xmx224m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError
              --brokers N                 Kafka nodes, 1-5, each its own JVM [KAFKA_BROKERS]       1
                                          node n on kafka-port + 2(n-1), controller-port + 2(n-1)
              --instances N               instances of every service, 1-9    [SERVICE_INSTANCES]   1
                                          instance i on port + 100 x i, balanced on the port itself
              --cluster                   same as --brokers 3 --instances 2  [POLLUTION_CLUSTER=true]
                                          (an explicit --brokers or --instances wins)
              --auth jwt|basic            how the services authenticate callers [PLATFORM_SECURITY_MODE] jwt
                                          jwt: bearer tokens from the identity provider, the console signs
                                          in through it; basic: HTTP Basic and a sign-in form against the
                                          demo people (for old scripts; see docs/SECURITY.md)
              --rebuild                   run ./mvnw -q -DskipTests install before starting (./run only)
              -h, --help                  this text

            Logs: <data-dir>/log/<process>.log. Everything listens on 127.0.0.1 only.
            """;

    private static final Duration STORE_CHECK_EVERY = Duration.ofMinutes(30);

    public static void main(String[] args) {
        RuntimeLayout layout;
        try {
            layout = layoutFrom(Arrays.asList(args), System.getenv(),
                    Path.of(System.getProperty("launcher.root", ".")).toAbsolutePath().normalize());
        } catch (HelpRequested e) {
            System.out.print(HELP);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("run: " + e.getMessage() + " (see ./run --help)");
            System.exit(2);
            return;
        }
        LocalRuntime runtime = new LocalRuntime(layout);
        List<String> busy = runtime.busyPorts();
        if (!busy.isEmpty()) {
            System.err.println("run: already in use: " + String.join(", ", busy)
                    + ". Is another ./run still up? Stop it, or choose other ports (./run --help).");
            System.exit(2);
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Thread mainThread = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            mainThread.interrupt();
            System.out.println("\nrun: stopping services, then MongoDB, then Kafka...");
            runtime.close();
            System.out.println("run: stopped. Data kept in " + layout.dataDir());
        }, "launcher-stop"));

        long started = System.nanoTime();
        System.out.println("run: starting the identity provider, Kafka (" + layout.brokers() + (layout.brokers() == 1 ? " node" : " nodes")
                + ") and MongoDB, then the four services (" + layout.instances() + (layout.instances() == 1 ? " instance" : " instances")
                + " each; logs in " + layout.logDir() + ")");
        try {
            runtime.start();
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                System.err.println("run: start failed: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.print(summary(layout, seconds));
        boolean warned = warnIfTheStoreIsLarge(layout, false);
        watch(runtime, stopping, layout, warned);
    }

    /** Prints {@link StoreSizeWarning}'s warning once; true once it was printed. */
    private static boolean warnIfTheStoreIsLarge(RuntimeLayout layout, boolean warned) {
        if (warned) {
            return true;
        }
        try {
            Optional<String> warning = StoreSizeWarning.check(layout);
            warning.ifPresent(System.err::println);
            return warning.isPresent();
        } catch (RuntimeException e) {
            return false; // MongoDB busy or stopping: the next check tells
        }
    }

    static String summary(RuntimeLayout layout, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nrun: all healthy after %.1f s%n", seconds));
        for (Component service : Component.services()) {
            if (layout.instances() == 1) {
                out.append(String.format(Locale.ROOT, "  %-22s %s   (health %s/actuator/health)%n",
                        service.processName(), layout.serviceUrl(service), layout.managementUrl(service, 1)));
            } else {
                StringBuilder ports = new StringBuilder();
                StringBuilder management = new StringBuilder();
                for (int i = 1; i <= layout.instances(); i++) {
                    ports.append(i > 1 ? ", " : "").append(layout.instancePort(service, i));
                    management.append(i > 1 ? ", " : "").append(layout.managementPort(service, i));
                }
                out.append(String.format(Locale.ROOT, "  %-22s %s%n", service.processName(), layout.serviceUrl(service)));
                out.append(String.format(Locale.ROOT, "  %-22s round-robin over instances on ports %s (Actuator on %s)%n",
                        "", ports, management));
            }
        }
        for (int node = 1; node <= layout.brokers(); node++) {
            out.append(String.format(Locale.ROOT, "  %-22s %s:%d   (controller %d, data %s)%n",
                    layout.brokers() == 1 ? "kafka-broker" : "kafka-broker-" + node, layout.host(), layout.kafkaPort(node),
                    layout.kafkaControllerPort(node), layout.kafkaDataDir(node)));
        }
        if (layout.brokers() > 1) {
            out.append(String.format(Locale.ROOT, "  %-22s replication factor %d, min.insync.replicas %d, %d partitions per topic%n",
                    "", layout.replicationFactor(), layout.minInsyncReplicas(), RuntimeLayout.TOPIC_PARTITIONS));
        }
        out.append(String.format(Locale.ROOT, "  %-22s %s   (OIDC issuer; demo people, see README)%n",
                Component.IDENTITY.processName(), layout.serviceUrl(Component.IDENTITY)));
        out.append(String.format(Locale.ROOT, "  %-22s %s%n", "authentication",
                "basic".equals(layout.extraServiceEnv().get("PLATFORM_SECURITY_MODE"))
                        ? "HTTP Basic (--auth basic): curl -u zj-jianxi:luoyang2026 …"
                        : "bearer tokens from the identity provider: deploy/token.sh zj-jianxi luoyang2026"));
        out.append(String.format(Locale.ROOT, "  %-22s %s   %s%n", "mongodb", layout.mongoUri(),
                layout.externalMongoUri().isPresent() ? "(external)"
                        : layout.mongoInMemory() ? "(embedded, in memory: nothing is kept at the stop)"
                        : "(embedded, data " + layout.mongoDataDir() + ")"));
        out.append("  logs                   " + layout.logDir() + "\n");
        out.append("Ctrl-C stops everything.\n");
        return out.toString();
    }

    /** Reports processes that died; checks the store's size every half hour. */
    private static void watch(LocalRuntime runtime, AtomicBoolean stopping, RuntimeLayout layout, boolean warned) {
        Set<String> reported = new HashSet<>();
        long nextStoreCheck = System.nanoTime() + STORE_CHECK_EVERY.toNanos();
        while (!stopping.get()) {
            if (System.nanoTime() > nextStoreCheck) {
                warned = warnIfTheStoreIsLarge(layout, warned);
                nextStoreCheck = System.nanoTime() + STORE_CHECK_EVERY.toNanos();
            }
            for (ManagedProcess dead : runtime.unexpectedlyDead()) {
                if (reported.add(dead.name() + dead.pid())) {
                    System.err.println("run: " + dead.name() + " exited with code " + dead.exitCode().orElse(-1)
                            + "; see " + dead.logFile() + ". The others keep running; Ctrl-C and ./run again to restart.");
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static RuntimeLayout layoutFrom(List<String> args, Map<String, String> env, Path root) {
        RuntimeLayout layout = RuntimeLayout.defaults(root);
        if (env.containsKey("POLLUTION_DATA_DIR")) {
            layout = layout.withDataDir(root.resolve(env.get("POLLUTION_DATA_DIR")));
        }
        for (Component c : Component.values()) {
            String var = portVariable(c);
            if (env.containsKey(var)) {
                layout = layout.withPort(c, port(var, env.get(var)));
            }
        }
        if (env.containsKey("KAFKA_CONTROLLER_PORT")) {
            layout = layout.withKafkaControllerPort(port("KAFKA_CONTROLLER_PORT", env.get("KAFKA_CONTROLLER_PORT")));
        }
        if (env.containsKey("MONGODB_URI") && !env.get("MONGODB_URI").isBlank()) {
            layout = layout.withExternalMongo(env.get("MONGODB_URI"));
        }
        if (env.containsKey("MONGO_BACKEND") && !env.get("MONGO_BACKEND").isBlank()) {
            layout = layout.withMongoInMemory(inMemory("MONGO_BACKEND", env.get("MONGO_BACKEND")));
        }
        if (env.containsKey("SERVICE_JVM_OPTS")) {
            layout = layout.withServiceJvmOptions(List.of(env.get("SERVICE_JVM_OPTS").trim().split("\\s+")));
        }
        if ("true".equalsIgnoreCase(env.getOrDefault("POLLUTION_CLUSTER", ""))) {
            layout = layout.withBrokers(3).withInstances(2);
        }
        if (env.containsKey("KAFKA_BROKERS")) {
            layout = layout.withBrokers(count("KAFKA_BROKERS", env.get("KAFKA_BROKERS")));
        }
        if (env.containsKey("SERVICE_INSTANCES")) {
            layout = layout.withInstances(count("SERVICE_INSTANCES", env.get("SERVICE_INSTANCES")));
        }
        if (args.contains("--cluster")) {
            layout = layout.withBrokers(3).withInstances(2);
        }
        if (env.containsKey("PLATFORM_SECURITY_MODE")) {
            layout = withAuth(layout, "PLATFORM_SECURITY_MODE", env.get("PLATFORM_SECURITY_MODE"));
        }
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("-h") || option.equals("--help")) {
                throw new HelpRequested();
            }
            if (option.equals("--rebuild") || option.equals("--cluster")) {
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            layout = switch (option) {
                case "--data-dir" -> layout.withDataDir(root.resolve(value));
                case "--complaint-port" -> layout.withPort(Component.COMPLAINT, port(option, value));
                case "--dispatch-port" -> layout.withPort(Component.DISPATCH, port(option, value));
                case "--enforcement-port" -> layout.withPort(Component.ENFORCEMENT, port(option, value));
                case "--notification-port" -> layout.withPort(Component.NOTIFICATION, port(option, value));
                case "--identity-port" -> layout.withPort(Component.IDENTITY, port(option, value));
                case "--kafka-port" -> layout.withPort(Component.KAFKA, port(option, value));
                case "--kafka-controller-port" -> layout.withKafkaControllerPort(port(option, value));
                case "--mongo-port" -> layout.withPort(Component.MONGO, port(option, value));
                case "--mongodb-uri" -> layout.withExternalMongo(value);
                case "--service-jvm-opts" -> layout.withServiceJvmOptions(List.of(value.trim().split("\\s+")));
                case "--brokers" -> layout.withBrokers(count(option, value));
                case "--instances" -> layout.withInstances(count(option, value));
                case "--auth" -> withAuth(layout, option, value);
                case "--backend" -> layout.withMongoInMemory(inMemory(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            };
        }
        if (layout.mongoInMemory() && layout.externalMongoUri().isPresent()) {
            throw new IllegalArgumentException("the memory backend is the embedded MongoDB's; it cannot go with --mongodb-uri");
        }
        return layout;
    }

    /** {@code memory} → the embedded server's memory backend, {@code file} → its file store (the default). */
    private static boolean inMemory(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "memory" -> true;
            case "file" -> false;
            default -> throw new IllegalArgumentException(name + " must be file or memory, not '" + value + "'");
        };
    }

    /** The services' {@code platform.security.mode} when it is not the runtime's default ({@link LocalRuntime#SECURITY_MODE}). */
    private static RuntimeLayout withAuth(RuntimeLayout layout, String name, String value) {
        String mode = value.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("jwt") && !mode.equals("basic")) {
            throw new IllegalArgumentException(name + " must be jwt or basic, not '" + value + "'");
        }
        Map<String, String> env = new java.util.HashMap<>(layout.extraServiceEnv());
        env.put("PLATFORM_SECURITY_MODE", mode);
        return layout.withServiceEnv(env);
    }

    private static String portVariable(Component c) {
        return switch (c) {
            case KAFKA -> "KAFKA_PORT";
            case MONGO -> "MONGO_PORT";
            default -> c.envPrefix() + "_PORT";
        };
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static int count(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    private Launcher() {
    }
}
