package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.deploy.runtime.LocalRuntime;
import cn.luoyang.pollution.deploy.runtime.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole platform as the system tests see it: the same {@link LocalRuntime} that {@code ./run}
 * uses (a real KRaft broker, the embedded MongoDB server and the four services' executable jars,
 * each its own process), on free loopback ports with a fresh data folder under
 * {@code system-tests/target/runs/}. The processes' logs stay there for whoever reads a failure.
 *
 * <p>Starting takes tens of seconds, so the test classes of one JVM share a single instance
 * ({@link #shared()}); it is stopped when the JVM ends. A fault step that kills a process restarts
 * it before it returns, so the next test finds the system whole again.
 *
 * <p>The shared instance sends SMS the way a city does: notification-service's SMPP gateway bound to
 * a carrier SMSC ({@link Smsc}, run here on loopback), so an SMS is counted where the carrier
 * received it and the fault suite can take the carrier away. The load benchmark's instance keeps the
 * recording gateway ({@link SentSms}).
 */
public final class SystemUnderTest implements AutoCloseable {

    /**
     * The category whose cases the shared system lets run out of time at once (EscalationIT): no suite
     * and no load report uses it otherwise (the load mix has no small coal boilers).
     */
    public static final String OVERDUE_CATEGORY = "AIR_COAL_BOILER";

    /**
     * enforcement-service's clocks in the shared system: cases of {@link #OVERDUE_CATEGORY} must be
     * signed for within 0 h (so they are overdue as soon as the clock looks), and every overdue case is
     * escalated to all three levels 0 h after its deadline. Limits are whole hours at the least, and
     * other cases' limits (1 h for urgent ones, working days otherwise) outlast any suite, so no other
     * case goes overdue, except a rectification order whose deadline a suite sets seconds ahead
     * (CaseLoopIT: the order's own deadline is its RECTIFY clock's limit). Map keys in brackets keep
     * their underscores (Spring's binding).
     */
    private static final Map<String, String> OVERDUE_CLOCKS = Map.of("SPRING_APPLICATION_JSON", JsonHttp.JSON.writeValueAsString(Map.of(
            "enforcement.clocks.profiles[E2E_OVERDUE].sign", "0h",
            "enforcement.clocks.profiles[E2E_OVERDUE].onsite", "2wd",
            "enforcement.clocks.profiles[E2E_OVERDUE].close", "15wd",
            "enforcement.clocks.categories[" + OVERDUE_CATEGORY + "]", "E2E_OVERDUE",
            "enforcement.clocks.escalation-delays", List.of("0h", "0h", "0h"))));

    private static SystemUnderTest shared;
    private static RuntimeException sharedStartFailure;

    private final LocalRuntime runtime;
    private final RuntimeLayout layout;
    private final EventTap tap;
    private final double startSeconds;
    private final Smsc smsc;
    private final Tokens tokens;

    private SystemUnderTest(RuntimeLayout layout, Smsc smsc) {
        this.layout = layout;
        this.smsc = smsc;
        this.tokens = new Tokens(layout.serviceUrl(Component.IDENTITY));
        this.runtime = new LocalRuntime(layout);
        long t0 = System.nanoTime();
        // anything failing after the processes started stops them: an unusable store left a whole runtime running once
        try {
            runtime.start();
            this.startSeconds = (System.nanoTime() - t0) / 1e9;
            if (smsc == null) {
                SentSms.declareIndex(layout.mongoUri());
            }
            this.tap = EventTap.start(layout.kafkaBootstrap());
        } catch (RuntimeException e) {
            runtime.close();
            if (smsc != null) {
                smsc.close();
            }
            throw e;
        }
    }

    /** The instance shared by all test classes in this JVM, started on first use. */
    public static synchronized SystemUnderTest shared() {
        if (sharedStartFailure != null) {
            throw new IllegalStateException("the shared system failed to start earlier in this JVM", sharedStartFailure);
        }
        if (shared == null) {
            try {
                Map<String, String> env = new HashMap<>(OVERDUE_CLOCKS);
                env.putAll(OnlineMonitors.env(freePort()));
                shared = start("shared", env, true, Smsc.start());
            } catch (RuntimeException e) {
                sharedStartFailure = e;
                throw e;
            }
            SystemUnderTest running = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "system-under-test-stop"));
        }
        return shared;
    }

    /** A separate instance (the load benchmark, or a suite that needs its own service environment). */
    public static SystemUnderTest start(String name, Map<String, String> serviceEnv) {
        return start(name, serviceEnv, false, null);
    }

    /**
     * {@code quickStart}: the services' JIT stops at C1, which starts them about a third faster on
     * two cores; right for tests, wrong for a benchmark (steady-state code would be slower).
     */
    static SystemUnderTest start(String name, Map<String, String> serviceEnv, boolean quickStart, Smsc smsc) {
        return start(name, serviceEnv, quickStart, smsc, 1, 1);
    }

    /**
     * A system of its own run as a city runs it: {@code brokers} Kafka nodes (three: replication 3,
     * min ISR 2) and {@code instances} instances of every service behind the launcher's balancer,
     * sending SMS over SMPP to its own carrier SMSC. Stop it with {@link #close()}.
     */
    public static SystemUnderTest startCluster(String name, int brokers, int instances) {
        Smsc smsc = Smsc.start();
        try {
            return start(name, Map.of(), true, smsc, brokers, instances);
        } catch (RuntimeException e) {
            smsc.close();
            throw e;
        }
    }

    private static SystemUnderTest start(String name, Map<String, String> serviceEnv, boolean quickStart, Smsc smsc,
                                         int brokers, int instances) {
        Path root = repositoryRoot();
        // -Dservices.root=<another checkout> runs the jars built there (e.g. a clean worktree of HEAD)
        Path artefacts = System.getProperty("services.root") == null ? root : Path.of(System.getProperty("services.root"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dataDir = root.resolve("system-tests/target/runs").resolve(name + "-" + stamp);
        RuntimeLayout layout = RuntimeLayout.defaults(Artefacts.snapshot(artefacts, dataDir.resolve("artefacts")))
                .withDataDir(dataDir)
                .withBrokers(brokers)
                .withInstances(instances)
                .withPort(Component.KAFKA, freePorts(RuntimeLayout.BROKER_PORT_STEP, brokers))
                .withKafkaControllerPort(freePorts(RuntimeLayout.BROKER_PORT_STEP, brokers))
                .withPort(Component.MONGO, freePort())
                .withPort(Component.IDENTITY, freePorts(1, 1, RuntimeLayout.MANAGEMENT_PORT_OFFSET))
                .withPort(Component.COMPLAINT, freePorts(RuntimeLayout.INSTANCE_PORT_STEP, instances + 1, RuntimeLayout.MANAGEMENT_PORT_OFFSET))
                .withPort(Component.DISPATCH, freePorts(RuntimeLayout.INSTANCE_PORT_STEP, instances + 1, RuntimeLayout.MANAGEMENT_PORT_OFFSET))
                .withPort(Component.ENFORCEMENT, freePorts(RuntimeLayout.INSTANCE_PORT_STEP, instances + 1, RuntimeLayout.MANAGEMENT_PORT_OFFSET))
                .withPort(Component.NOTIFICATION, freePorts(RuntimeLayout.INSTANCE_PORT_STEP, instances + 1, RuntimeLayout.MANAGEMENT_PORT_OFFSET))
                .withServiceEnv(suiteEnv(withSmsc(serviceEnv, smsc)));
        // -Dsystem.mongodb-uri=<uri> uses a MongoDB started elsewhere (e.g. the load benchmark's
        // store seeded with a million complaints) instead of starting the embedded one
        String externalMongo = System.getProperty("system.mongodb-uri", "");
        if (!externalMongo.isBlank()) {
            layout = layout.withExternalMongo(externalMongo);
        }
        List<String> jvm = new ArrayList<>(layout.serviceJvmOptions());
        if (quickStart) {
            jvm.add("-XX:TieredStopAtLevel=1");
        }
        // -Dservices.jvm-opts="..." adds options to every service's JVM (e.g. a flight recording for a load run)
        String extraJvm = System.getProperty("services.jvm-opts", "");
        if (!extraJvm.isBlank()) {
            jvm.addAll(List.of(extraJvm.trim().split("\\s+")));
        }
        layout = layout.withServiceJvmOptions(jvm);
        return new SystemUnderTest(layout, smsc);
    }

    /**
     * What every suite's services get: complaint-service's per-client rate limits off, because the
     * suites and the load harness file hundreds of reports a second from one address (the limits are
     * tested in complaint-service's own tests).
     */
    private static Map<String, String> suiteEnv(Map<String, String> serviceEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("COMPLAINT_RATE_LIMITS_ENABLED", "false");
        env.putAll(serviceEnv);
        return env;
    }

    /**
     * The SMPP gateway's environment. Quiet hours (21:00–08:00 in Luoyang) are on by default for a
     * gateway that reaches phones; the suites run at any hour, so they are switched off here. So are
     * the per-number caps (3 a minute by default): a reopened case texts its reporter five times
     * within seconds (CaseLoopIT), and the cap would hold the last two for a minute (the caps are
     * tested in notification-service's own tests). The longest wait between attempts after the
     * carrier refused a message (default 5 min) is 30 s, so that after a 60 s outage the suite's drain
     * does not wait minutes for backed-off messages.
     */
    private static Map<String, String> withSmsc(Map<String, String> serviceEnv, Smsc smsc) {
        if (smsc == null) {
            return serviceEnv;
        }
        Map<String, String> env = new HashMap<>(smsc.serviceEnv());
        env.put("NOTIFICATION_QUIETHOURS_ENABLED", "false");
        env.put("NOTIFICATION_CAPS_ENABLED", "false");
        env.put("NOTIFICATION_SENDING_RETRYMAX", "30s");
        env.putAll(serviceEnv);
        return env;
    }

    public static Path repositoryRoot() {
        String configured = System.getProperty("repository.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("system-tests"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start);
    }

    /**
     * A free port p such that p + step, …, p + (count − 1)·step are free too (a cluster's nodes, a
     * service's instances). Blocks are drawn below the kernel's ephemeral range (32768–60999 on Linux),
     * where no outgoing connection can take a port between this choice and the node's bind, and never
     * overlap a block or port handed out before in this JVM (a broker block and a controller block
     * interleaving made a node fail to bind once).
     */
    static int freePorts(int step, int count) {
        return freePorts(step, count, 0);
    }

    /**
     * A block as above whose ports + {@code shadow} are free too (when {@code shadow} > 0): a service's
     * instances and their management ports ({@link RuntimeLayout#MANAGEMENT_PORT_OFFSET} above).
     */
    static synchronized int freePorts(int step, int count, int shadow) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = random.nextInt(BLOCK_PORTS_FROM, BLOCK_PORTS_TO - shadow - step * count);
            List<Integer> block = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                block.add(base + k * step);
                if (shadow > 0) {
                    block.add(base + shadow + k * step);
                }
            }
            if (block.stream().allMatch(port -> !HANDED_OUT.contains(port) && canBind(port))) {
                HANDED_OUT.addAll(block);
                return base;
            }
        }
        throw new IllegalStateException("no block of " + count + " free ports " + step + " apart");
    }

    private static final int BLOCK_PORTS_FROM = 20_000;
    private static final int BLOCK_PORTS_TO = 32_000;
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A free port, never one handed out before in this JVM. */
    static int freePort() {
        return freePorts(1, 1);
    }

    public LocalRuntime runtime() {
        return runtime;
    }

    public RuntimeLayout layout() {
        return layout;
    }

    public EventTap tap() {
        return tap;
    }

    public Ledger ledger() {
        return tap.ledger();
    }

    public double startSeconds() {
        return startSeconds;
    }

    public String url(Component service) {
        return layout.serviceUrl(service);
    }

    /** The demo people's tokens from this runtime's identity provider (the services run in jwt mode, as {@code ./run}). */
    public Tokens tokens() {
        return tokens;
    }

    /** Where the service's Actuator answers (its management port; the first instance's in a cluster). */
    public String managementUrl(Component service) {
        return layout.managementUrl(service, 1);
    }

    public Hotline hotline() {
        return Hotline.connect(layout);
    }

    /** The carrier's SMSC, when the services send over SMPP (the shared instance). */
    public Optional<Smsc> smsc() {
        return Optional.ofNullable(smsc);
    }

    /** What the gateway handed over: what the SMSC received, or the recording gateway's records. */
    public GatewaySms sms() {
        return smsc != null ? new SmscSms(smsc, layout.mongoUri()) : new SentSms(layout.mongoUri());
    }

    /** complaint-service's HJ 212 receiver (the shared system: {@link OnlineMonitors}). */
    public int monitoringPort() {
        String port = layout.extraServiceEnv().get("MONITORING_PORT");
        if (port == null) {
            throw new IllegalStateException("this system runs no HJ 212 receiver");
        }
        return Integer.parseInt(port);
    }

    public ComplaintApi complaints() {
        return new ComplaintApi(url(Component.COMPLAINT));
    }

    @Override
    public synchronized void close() {
        tap.close();
        runtime.close();
        if (smsc != null) {
            smsc.close();
        }
        // the logs stay for whoever reads a failure; the run's copy of the jars (~300 MB) does not
        Artefacts.delete(layout.repositoryRoot());
    }
}
