package cn.luoyang.pollution.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.deploy.runtime.LocalRuntime;
import cn.luoyang.pollution.deploy.runtime.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every compose service and every container of every Kubernetes Deployment (base and each overlay,
 * rendered) started from its service's jar with exactly the environment, arguments and mounted files
 * the file gives ({@link TestSite} lists the few changes a test machine forces), against one real
 * Kafka broker and the embedded MongoDB, and required to become ready
 * ({@code /actuator/health/readiness} UP on the management port, and no {@code /actuator} on the
 * service's port). Identical launches (the overlays change replicas and
 * sizes, not what a container gets) start once. In JWT mode, a token of the stub issuer must be
 * accepted and one signed with another key refused, so the issuer setting is really in force.
 * {@code -Dmanifests.only=<service>} starts only that service's launches (while editing a file).
 */
class ManifestStartTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path temp;
    static LocalRuntime infrastructure;
    static IssuerStub issuer;
    static TestSite site;
    static Map<List<Object>, List<Launch>> distinct = new LinkedHashMap<>();

    @BeforeAll
    static void startInfrastructure() throws Exception {
        Map<String, List<Map<String, Object>>> rendered = Deployments.rendered();
        List<Launch> all = new ArrayList<>();
        rendered.forEach((overlay, objects) -> all.addAll(LaunchReader.fromKubernetes(overlay, objects)));
        all.addAll(LaunchReader.fromCompose(Yamls.document(Deployments.compose())));
        String only = System.getProperty("manifests.only", "");
        for (Launch l : all) {
            if (!only.isEmpty() && !l.service().equals(only)) {
                continue;
            }
            distinct.computeIfAbsent(l.identity(), k -> new ArrayList<>()).add(l);
        }
        String issuerUri = rendered.get("city").stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .map(o -> Yamls.str(o, "data", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).filter(v -> v != null)
                .findFirst().orElseThrow();
        issuer = new IssuerStub(URI.create(issuerUri).getPath());

        Path data = Files.createDirectories(temp.resolve("infrastructure"));
        RuntimeLayout layout = RuntimeLayout.defaults(Deployments.root()).withDataDir(data)
                .withPort(Component.KAFKA, TestSite.freePort()).withKafkaControllerPort(TestSite.freePort())
                .withPort(Component.MONGO, TestSite.freePort());
        Files.createDirectories(layout.logDir());
        infrastructure = new LocalRuntime(layout);
        infrastructure.startBrokerAndStore();
        createTopics(layout.kafkaBootstrap(), rendered.get("city"));
        site = new TestSite(layout.kafkaBootstrap(), layout.mongoUri(), issuer);
    }

    /** What Strimzi's topic operator does from the KafkaTopic resources (one replica: one test broker). */
    private static void createTopics(String bootstrap, List<Map<String, Object>> objects) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> topics = new ArrayList<>();
            for (Map<String, Object> t : Deployments.ofKind(objects, "KafkaTopic")) {
                topics.add(new NewTopic(Yamls.str(t, "spec", "topicName"),
                        ((Number) Yamls.at(t, "spec", "partitions")).intValue(), (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    @AfterAll
    static void stopInfrastructure() {
        if (infrastructure != null) {
            infrastructure.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void everyServiceStartsFromEveryDeploymentFileAndBecomesReady() throws Exception {
        assertThat(distinct).isNotEmpty();
        if (System.getProperty("manifests.only", "").isEmpty()) {
            assertThat(distinct.values().stream().flatMap(List::stream).map(Launch::origin))
                .anyMatch(o -> o.startsWith("compose: "))
                .anyMatch(o -> o.startsWith("k8s city: "))
                .anyMatch(o -> o.startsWith("k8s province: "))
                    .anyMatch(o -> o.startsWith("k8s trial: "));
        }
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("distinct launches: " + distinct.size() + "\n");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            int n = 0;
            for (List<Launch> same : distinct.values()) {
                int index = n++;
                results.add(two.submit(() -> start(same, temp.resolve("launch-" + index))));
            }
            for (Future<String> r : results) {
                String outcome = r.get();
                report.append(outcome).append('\n');
                if (!outcome.startsWith("ready")) {
                    failures.add(outcome);
                }
            }
        } finally {
            two.shutdownNow();
        }
        report.append("issuer stub requests: ").append(issuer.requests()).append('\n');
        Files.writeString(Path.of("target", "deployment-starts.txt"), report);
        System.out.println(report);
        assertThat(failures).isEmpty();
    }

    private static String start(List<Launch> same, Path folder) {
        Launch launch = same.get(0);
        String origins = same.stream().map(Launch::origin).toList().toString();
        TestSite.Prepared prepared;
        try {
            prepared = site.prepare(launch, folder, jar(launch.service()));
        } catch (RuntimeException e) {
            return "NOT STARTED " + origins + ": " + e.getMessage();
        }
        Path log = folder.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(prepared.command()).directory(folder.resolve("work").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(prepared.env());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String base = "http://127.0.0.1:" + prepared.port();
            String management = "http://127.0.0.1:" + prepared.managementPort();
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return "EXITED " + process.exitValue() + " " + origins + "\n" + tail(log);
                }
                if (status(management + "/actuator/health/readiness", null) == 200) {
                    int publicActuator = status(base + "/actuator/health", null);
                    if (publicActuator != 404) {
                        return "READY BUT /actuator/health answers " + publicActuator + " on the service's port " + origins;
                    }
                    String jwt = jwtCheck(launch, base);
                    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    return jwt.isEmpty() ? "ready in " + seconds + " s: " + launch.service() + " " + origins
                            : "READY BUT " + jwt + " " + origins;
                }
                Thread.sleep(500);
            }
            return "NOT READY within " + READY_WITHIN.toSeconds() + " s " + origins + "\n" + tail(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted " + origins;
        } finally {
            // the launch has answered (ready or not): SIGKILL, since a graceful shutdown is no part of the check
            // and would hold one of the two launch slots for seconds
            process.destroyForcibly();
            try {
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * In JWT mode the stub's token passes and a token of another key is refused; empty when so. The
     * request (a POST nobody owns) is one every access table refuses to everyone, so a token that authenticates
     * gets 403 and one that does not 401.
     */
    private static String jwtCheck(Launch launch, String base) {
        if (!"jwt".equals(launch.env().get("PLATFORM_SECURITY_MODE"))) {
            return "";
        }
        int ours = status("POST", base + "/api/no-such-endpoint", issuer.token());
        int foreign = status("POST", base + "/api/no-such-endpoint", issuer.foreignToken());
        return ours == 403 && foreign == 401 ? "" : "the issuer is not in force: stub token " + ours + ", foreign token " + foreign;
    }

    private static int status(String url, String bearer) {
        return status("GET", url, bearer);
    }

    private static int status(String method, String url, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Path jar(String service) {
        Path target = Deployments.root().resolve(service).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && !f.getFileName().toString().endsWith("-plain.jar")
                    && !f.getFileName().toString().contains("-tests")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + target + " (the reactor builds it before this module)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
