package cn.luoyang.pollution.deploy.manifests;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This machine standing in for a container's surroundings. What a launch gets is the file's, with
 * exactly these changes, each because the test's surroundings differ from a cluster's:
 * <ul>
 * <li>{@code KAFKA_BOOTSTRAP_SERVERS} names the test's broker, {@code *MONGODB_URI} the test's
 *     MongoDB (the embedded server: one member, no replica set name), the JWT issuer the
 *     {@link IssuerStub} (same path), and an {@code http://<service>:<port>} address a free loopback
 *     port (the test starts one service at a time; nothing answers there);</li>
 * <li>{@code SERVER_PORT} and {@code MANAGEMENT_SERVER_PORT} free ports, after checking they are the
 *     service's port and the port the file probes (k8s) or publishes (compose);</li>
 * <li>a service's own MongoDB secret ({@code <service>-mongodb}, key {@code uri}) holds the test's
 *     MongoDB URI without a user: the embedded server runs without authentication;</li>
 * <li>every mounted path, wherever a value names it, the same path under the launch's own folder,
 *     where the mounted files are made (keys generated, other secrets filled with random bytes);</li>
 * <li>the Kafka client's {@code security.protocol} is dropped: the test broker listens in plain
 *     text. The other TLS settings stay, and their files must exist among the mounted ones.</li>
 * </ul>
 * The process gets no other variable than {@code PATH}; the JVM is told the container's memory
 * limit with {@code -XX:MaxRAM}, so {@code MaxRAMPercentage} sizes the heap as in the container
 * ({@code -XX:TieredStopAtLevel=1} only shortens the start); its
 * working folder is read-only and {@code java.io.tmpdir} is the container's writable {@code /tmp}.
 */
final class TestSite {

    static final String SECURITY_PROTOCOL = "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SECURITY_PROTOCOL";
    private static final Set<String> SERVICES = Set.of("complaint-service", "dispatch-service", "enforcement-service",
            "notification-service", "identity-service");
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z-]+?)(-\\d+)?(\\.[a-z0-9.-]+)?:(\\d+)(/.*)?");

    private final String kafkaBootstrap;
    private final String mongoUri;
    private final IssuerStub issuer;
    private final ContactKeys.KeyPair contactKeys = ContactKeys.generate();
    private final String phoneHashKey;

    TestSite(String kafkaBootstrap, String mongoUri, IssuerStub issuer) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.issuer = issuer;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.phoneHashKey = Base64.getEncoder().encodeToString(key);
    }

    /** A launch made runnable here: its folder with the mounted files, its environment and command line. */
    record Prepared(Launch launch, Path folder, Map<String, String> env, List<String> command, int port,
            int managementPort) {
    }

    Prepared prepare(Launch launch, Path folder, Path jar) {
        try {
            Path root = folder.resolve("root");
            Files.createDirectories(root);
            for (var file : launch.files().entrySet()) {
                Path target = under(root, file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, contentOf(launch, file.getValue()));
            }
            for (String path : launch.writablePaths()) {
                Files.createDirectories(under(root, path));
            }
            Map<String, String> env = new TreeMap<>(launch.env());
            String serverPort = env.get("SERVER_PORT");
            if (serverPort == null || Integer.parseInt(serverPort) != launch.port()) {
                throw new IllegalStateException(launch.origin() + ": SERVER_PORT " + serverPort
                        + " is not the service's port the file names (" + launch.port() + ")");
            }
            String managementServerPort = env.get("MANAGEMENT_SERVER_PORT");
            if (managementServerPort == null || Integer.parseInt(managementServerPort) != launch.managementPort()) {
                throw new IllegalStateException(launch.origin() + ": MANAGEMENT_SERVER_PORT " + managementServerPort
                        + " is not Actuator's port the file probes or publishes (" + launch.managementPort() + ")");
            }
            int port = freePort();
            int managementPort = freePort();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
            env.remove(SECURITY_PROTOCOL);
            java.util.TreeSet<String> mountSet = new java.util.TreeSet<>(launch.writablePaths());
            launch.files().keySet().forEach(f -> mountSet.add(Path.of(f).getParent().toString()));
            List<String> mounts = new ArrayList<>(mountSet);
            mounts.sort(Comparator.comparingInt(String::length).reversed());
            Pattern mounted = Pattern.compile(String.join("|", mounts.stream().map(Pattern::quote).toList()));
            for (var e : env.entrySet()) {
                String key = e.getKey();
                String value = e.getValue();
                if (key.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                    value = kafkaBootstrap;
                } else if (key.endsWith("MONGODB_URI")) {
                    value = mongoUri;
                } else if (key.equals("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")) {
                    if (!URI.create(value).getPath().equals(URI.create(issuer.issuer()).getPath())) {
                        throw new IllegalStateException("the issuer stub serves " + issuer.issuer() + ", the file names " + value);
                    }
                    value = issuer.issuer();
                } else {
                    Matcher m = SERVICE_URL.matcher(value);
                    if (m.matches() && SERVICES.contains(m.group(1))) {
                        value = "http://127.0.0.1:" + freePort() + (m.group(5) == null ? "" : m.group(5));
                    }
                    if (!mounts.isEmpty()) {
                        value = mounted.matcher(value).replaceAll(r -> Matcher.quoteReplacement(under(root, r.group()).toString()));
                    }
                }
                e.setValue(value);
            }
            for (var e : env.entrySet()) {
                if (e.getKey().endsWith("_LOCATION") && e.getKey().startsWith("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SSL")
                        && !Files.exists(Path.of(e.getValue()))) {
                    throw new IllegalStateException(launch.origin() + ": " + e.getKey() + " names " + launch.env().get(e.getKey())
                            + ", which no volume mounts");
                }
            }
            Path work = Files.createDirectories(folder.resolve("work"));
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("r-xr-xr-x"));
            Path tmp = launch.writablePaths().contains("/tmp") ? under(root, "/tmp") : Files.createDirectories(folder.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:MaxRAM=" + launch.memoryLimit(),
                    // the JIT's first tier only: starts sooner, changes nothing the service sees
                    "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()));
            command.addAll(launch.args());
            return new Prepared(launch, folder, env, command, port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String contentOf(Launch launch, Launch.MountedFile file) {
        String id = file.source() + "/" + file.key();
        return switch (id) {
            case "reporter-contact-public/keyset", "host/reporter-contact.public.json" -> contactKeys.publicKeyset();
            case "reporter-contact-private/keyset", "host/reporter-contact.private.json" -> contactKeys.privateKeyset();
            case "notification-phone-hash/key", "host/phone-hash.key" -> phoneHashKey;
            case "platform-kafka-cluster-ca-cert/ca.crt" -> "(the cluster CA; unused: the test broker is plain text)";
            // the service's own connection string: the test's MongoDB (the embedded server runs without
            // authentication, so the URI carries no user); another service's secret is refused
            case "complaint-service-mongodb/uri", "dispatch-service-mongodb/uri", "enforcement-service-mongodb/uri",
                    "notification-service-mongodb/uri" -> {
                if (!file.source().equals(launch.service() + "-mongodb")) {
                    throw new IllegalStateException(launch.origin() + " mounts " + id + ", another service's MongoDB secret");
                }
                yield mongoUri;
            }
            case "enforcement-oidc-clients/console-client-secret", "enforcement-oidc-clients/service-account-secret",
                    "host/platform.security.console-client.secret", "host/platform.security.service-account.password" ->
                    Long.toHexString(new SecureRandom().nextLong()) + Long.toHexString(new SecureRandom().nextLong());
            default -> {
                if (LaunchReader.KAFKA_USER_SECRET_KEYS.contains(file.key()) && !file.source().equals("host")) {
                    yield file.key().equals("user.password") ? Long.toHexString(new SecureRandom().nextLong())
                            : "(Strimzi's " + file.key() + " for " + file.source() + "; unused: the test broker is plain text)";
                }
                throw new IllegalStateException(launch.origin() + " mounts " + id + ", which the test does not know how to make");
            }
        };
    }

    private static Path under(Path root, String containerPath) {
        return root.resolve(containerPath.substring(1));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
