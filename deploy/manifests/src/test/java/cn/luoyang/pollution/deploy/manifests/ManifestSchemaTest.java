package cn.luoyang.pollution.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Kubernetes object of the base and of each overlay against its schema ({@link SchemaCheck}),
 * and what a city needs of them beyond the schema: replicas, disruption budgets, spread, probes on
 * Actuator's groups, resources, scaling within the partitions, one writer per topic.
 */
class ManifestSchemaTest {

    static Map<String, List<Map<String, Object>>> rendered;

    @BeforeAll
    static void render() {
        rendered = Deployments.rendered();
    }

    @Test
    void everyObjectMatchesItsSchema() {
        List<String> problems = new ArrayList<>();
        rendered.forEach((overlay, objects) -> objects.forEach(o ->
                SchemaCheck.violations(o).forEach(p -> problems.add(overlay + ": " + p))));
        assertThat(problems).isEmpty();
        assertThat(rendered.get("city")).extracting(o -> o.get("kind")).contains("Deployment", "Kafka",
                "KafkaNodePool", "KafkaTopic", "KafkaUser", "ScaledObject", "StatefulSet", "Ingress", "NetworkPolicy");
    }

    @Test
    void theSchemaCheckRefusesAnUnknownMemberAndAWrongType() {
        Map<String, Object> deployment = Deployments.named(rendered.get("city"), "Deployment", "dispatch-service");
        Map<String, Object> typo = castMap(Kustomization.copy(deployment));
        Yamls.map(Yamls.at(typo, "spec")).put("replica", 2);
        assertThat(SchemaCheck.violations(typo)).singleElement().asString().contains("unknown member(s) [replica]");

        Map<String, Object> topic = castMap(Kustomization.copy(rendered.get("city").stream()
                .filter(o -> "KafkaTopic".equals(o.get("kind"))).findFirst().orElseThrow()));
        Yamls.map(Yamls.at(topic, "spec")).put("partitions", "many");
        assertThat(SchemaCheck.violations(topic)).isNotEmpty();

        Map<String, Object> scaled = castMap(Kustomization.copy(Deployments.ofKind(rendered.get("city"), "ScaledObject").get(0)));
        Yamls.map(Yamls.at(scaled, "spec")).remove("scaleTargetRef");
        assertThat(SchemaCheck.violations(scaled)).anyMatch(p -> p.contains("scaleTargetRef"));
    }

    @Test
    void everyServiceIsReplicatedSpreadProbedAndBounded() {
        rendered.forEach((overlay, objects) -> {
            List<Map<String, Object>> deployments = Deployments.ofKind(objects, "Deployment");
            assertThat(deployments).as(overlay).hasSize(4);
            for (Map<String, Object> d : deployments) {
                String name = overlay + " " + Yamls.str(d, "metadata", "name");
                assertThat(((Number) Yamls.at(d, "spec", "replicas")).intValue()).as(name).isGreaterThanOrEqualTo(2);
                Object labels = Yamls.at(d, "spec", "selector", "matchLabels");
                assertThat(Deployments.ofKind(objects, "PodDisruptionBudget"))
                        .as(name + " has a PodDisruptionBudget").anyMatch(p -> Objects.equals(Yamls.at(p, "spec", "selector", "matchLabels"), labels));
                Map<String, Object> pod = Yamls.map(Yamls.at(d, "spec", "template", "spec"));
                assertThat(Yamls.list(pod.get("topologySpreadConstraints"))).as(name)
                        .anyMatch(c -> "kubernetes.io/hostname".equals(Yamls.str(c, "topologyKey")));
                // Spring's graceful shutdown (20 s per phase) plus the preStop pause fit in the grace period
                assertThat(((Number) pod.get("terminationGracePeriodSeconds")).intValue()).as(name).isGreaterThan(25);
                Map<String, Object> c = Yamls.map(Yamls.list(pod.get("containers")).get(0));
                assertThat(Yamls.str(c, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/readiness");
                assertThat(Yamls.str(c, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/liveness");
                assertActuatorOnItsOwnPort(objects, d, c, name);
                assertThat(Yamls.str(c, "resources", "requests", "memory")).as(name).isNotNull();
                assertThat(Yamls.str(c, "resources", "requests", "cpu")).as(name).isNotNull();
                assertThat(Yamls.str(c, "resources", "limits", "memory")).as(name).isNotNull();
                assertThat(Yamls.at(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
            }
        });
    }

    @Test
    void consumersScaleOnLagNeverBeyondThePartitions() {
        rendered.forEach((overlay, objects) -> {
            Map<String, Integer> partitions = new HashMap<>();
            Deployments.ofKind(objects, "KafkaTopic").forEach(t ->
                    partitions.put(Yamls.str(t, "spec", "topicName"), ((Number) Yamls.at(t, "spec", "partitions")).intValue()));
            List<Map<String, Object>> scaled = Deployments.ofKind(objects, "ScaledObject");
            assertThat(scaled).as(overlay).hasSize(4);
            for (Map<String, Object> s : scaled) {
                String target = Yamls.str(s, "spec", "scaleTargetRef", "name");
                assertThat(Deployments.named(objects, "Deployment", target)).as(overlay + " " + target).isNotNull();
                int max = ((Number) Yamls.at(s, "spec", "maxReplicaCount")).intValue();
                for (Object trigger : Yamls.list(Yamls.at(s, "spec", "triggers"))) {
                    assertThat(Yamls.str(trigger, "type")).isEqualTo("kafka");
                    assertThat(Yamls.str(trigger, "metadata", "consumerGroup")).isEqualTo(target);
                    String topic = Yamls.str(trigger, "metadata", "topic");
                    assertThat(partitions).as(overlay + ": a KafkaTopic for " + topic).containsKey(topic);
                    assertThat(max).as(overlay + " " + target + " on " + topic).isLessThanOrEqualTo(partitions.get(topic));
                }
                assertThat(((Number) Yamls.at(s, "spec", "minReplicaCount")).intValue()).isGreaterThanOrEqualTo(2);
            }
        });
    }

    @Test
    void everyTopicIsReplicatedAndHasOneWriter() {
        List<Map<String, Object>> objects = rendered.get("city");
        Map<String, List<String>> writers = new TreeMap<>();
        for (Map<String, Object> user : Deployments.ofKind(objects, "KafkaUser")) {
            for (Object acl : Yamls.list(Yamls.at(user, "spec", "authorization", "acls"))) {
                if ("topic".equals(Yamls.str(acl, "resource", "type"))
                        && Yamls.list(Yamls.at(acl, "operations")).contains("Write")) {
                    writers.computeIfAbsent(Yamls.str(acl, "resource", "name"), t -> new ArrayList<>())
                            .add(Yamls.str(user, "metadata", "name"));
                }
            }
        }
        for (Map<String, Object> topic : Deployments.ofKind(objects, "KafkaTopic")) {
            String name = Yamls.str(topic, "spec", "topicName");
            assertThat(Yamls.at(topic, "spec", "replicas")).as(name).isEqualTo(3);
            assertThat(Yamls.str(topic, "spec", "config", "min.insync.replicas")).as(name).isEqualTo("2");
            assertThat(writers).as("a writer of " + name).containsKey(name);
            if (!name.endsWith(".dlt")) {
                // dead letters are written by every reader of their topic; every other topic by its owner only
                assertThat(writers.get(name)).as("writers of " + name).hasSize(1);
            }
        }
        assertThat(Set.copyOf(writers.get("cases.lifecycle"))).containsExactly("enforcement-service");
        assertThat(Set.copyOf(writers.get("cases.dispatched"))).containsExactly("dispatch-service");
    }

    /**
     * What each service consumes, read from its own application.yml bindings, against the files: a
     * KafkaTopic for the topic, a trigger on it in the service's ScaledObject, and ACLs that let the
     * service's KafkaUser read it in its group and write its dead letters and parked records.
     */
    /** What complaint-service's fault stream processor reads (its topology's source topic). */
    private static final String STREAMS_INPUT = "monitoring.readings";

    @Test
    void theFilesFollowWhatEachServiceConsumes() {
        List<Map<String, Object>> objects = rendered.get("city");
        for (String service : List.of("complaint-service", "dispatch-service", "enforcement-service", "notification-service")) {
            Map<String, Object> app = Yamls.documents(Deployments.root().resolve(service).resolve("src/main/resources/application.yml")).get(0);
            Map<String, Object> bindings = Yamls.map(Yamls.at(app, "spring", "cloud", "stream", "bindings"));
            Set<String> consumed = new java.util.TreeSet<>();
            Map<String, Set<String>> allowed = new HashMap<>();
            for (Object acl : Yamls.list(Yamls.at(Deployments.named(objects, "KafkaUser", service), "spec", "authorization", "acls"))) {
                for (Object op : Yamls.list(Yamls.at(acl, "operations"))) {
                    allowed.computeIfAbsent(Yamls.str(acl, "resource", "type") + ":" + Yamls.str(acl, "resource", "name"),
                            k -> new java.util.HashSet<>()).add(op.toString());
                }
            }
            bindings.forEach((name, b) -> {
                if (!name.endsWith("-in-0")) {
                    return;
                }
                String topic = Yamls.str(b, "destination");
                String group = Yamls.str(b, "group");
                consumed.add(topic);
                assertThat(group).as(service + " " + name).isEqualTo(service);
                assertThat(allowed.get("topic:" + topic)).as(service + " reads " + topic).contains("Read");
                assertThat(allowed.get("group:" + group)).as(service + " group").contains("Read");
                assertThat(allowed.get("topic:" + topic + ".dlt")).as(service + " dead letters of " + topic).contains("Write");
                assertThat(allowed.get("topic:error." + topic + "." + group)).as(service + " parks " + topic).contains("Write");
                for (String t : List.of(topic, topic + ".dlt", "error." + topic + "." + group)) {
                    assertThat(Deployments.ofKind(objects, "KafkaTopic")).as("a KafkaTopic " + t)
                            .anyMatch(k -> t.equals(Yamls.str(k, "spec", "topicName")));
                }
            });
            Set<String> triggered = new java.util.TreeSet<>();
            for (Object trigger : Yamls.list(Yamls.at(Deployments.named(objects, "ScaledObject", service), "spec", "triggers"))) {
                triggered.add(Yamls.str(trigger, "metadata", "topic"));
            }
            assertThat(triggered).as(service + " scales on the lag of what it consumes").isEqualTo(consumed);
            Set<String> readable = new java.util.TreeSet<>(consumed);
            Object streams = Yamls.at(app, "complaints", "monitoring", "streams", "application-id");
            if (streams != null) {
                // complaint-service's fault stream processor (Kafka Streams, not a binding): it reads the readings,
                // creates and uses its own changelog topics, has its own group and writes in transactions
                String application = streams.toString();
                readable.add(STREAMS_INPUT);
                readable.add(application + "-");
                assertThat(allowed.get("topic:" + STREAMS_INPUT)).as(service + " streams read " + STREAMS_INPUT).contains("Read");
                assertThat(allowed.get("topic:" + application + "-")).as(service + " streams' internal topics")
                        .contains("Create", "Read", "Write");
                assertThat(allowed.get("group:" + application)).as(service + " streams' group").contains("Read");
                assertThat(allowed.get("transactionalId:" + application + "-")).as(service + " streams' transactions")
                        .contains("Write");
            }
            allowed.forEach((resource, ops) -> {
                if (ops.contains("Read") && resource.startsWith("topic:")) {
                    assertThat(readable).as(service + " may read only what it consumes").contains(resource.substring(6));
                }
            });
        }
    }

    /**
     * Actuator on the management port: the probes and Prometheus use it, its number is the service's
     * {@code MANAGEMENT_SERVER_PORT}, no Service exposes it (so the Ingress cannot reach it), and the
     * monitoring namespace reaches that port only.
     */
    private static void assertActuatorOnItsOwnPort(List<Map<String, Object>> objects, Map<String, Object> d,
            Map<String, Object> c, String name) {
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(Yamls.str(c, probe, "httpGet", "port")).as(name + " " + probe).isEqualTo("management");
        }
        Integer management = null;
        for (Object port : Yamls.list(c.get("ports"))) {
            if ("management".equals(Yamls.str(port, "name"))) {
                management = ((Number) Yamls.at(port, "containerPort")).intValue();
            }
        }
        assertThat(management).as(name + " container port management").isNotNull();
        String env = null;
        for (Object e : Yamls.list(c.get("env"))) {
            if ("MANAGEMENT_SERVER_PORT".equals(Yamls.str(e, "name"))) {
                env = Yamls.str(e, "value");
            }
        }
        assertThat(env).as(name + " MANAGEMENT_SERVER_PORT").isEqualTo(management.toString());
        assertThat(Yamls.str(d, "spec", "template", "metadata", "annotations", "prometheus.io/port")).as(name)
                .isEqualTo(management.toString());
        Map<String, Object> service = Deployments.named(objects, "Service", Yamls.str(d, "metadata", "name"));
        for (Object port : Yamls.list(Yamls.at(service, "spec", "ports"))) {
            assertThat(String.valueOf(Yamls.at(port, "targetPort"))).as(name + " Service").isNotIn("management", management.toString());
        }
        for (Map<String, Object> policy : Deployments.ofKind(objects, "NetworkPolicy")) {
            for (Object rule : Yamls.list(Yamls.at(policy, "spec", "ingress"))) {
                boolean monitoring = Yamls.list(Yamls.at(rule, "from")).stream()
                        .anyMatch(f -> "monitoring".equals(Yamls.str(f, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")));
                List<String> ports = Yamls.list(Yamls.at(rule, "ports")).stream().map(p -> String.valueOf(Yamls.at(p, "port"))).toList();
                if (monitoring) {
                    assertThat(ports).as(Yamls.str(policy, "metadata", "name")).containsExactly("management");
                } else {
                    assertThat(ports).as(Yamls.str(policy, "metadata", "name") + ": only monitoring reaches the management port")
                            .doesNotContain("management", management.toString());
                }
            }
        }
    }

    /**
     * One MongoDB user per service: every Deployment mounts its own secret {@code <service>-mongodb}
     * (and no other service's) as the config tree that sets its {@code <SERVICE>_MONGODB_URI}, nothing
     * shares a connection string, the members run with {@code --auth} and a keyfile, and the
     * initiation Job creates exactly these users, each with readWrite on the database its
     * application.yml names and nothing else.
     */
    @Test
    void everyServiceHasItsOwnMongoUserLimitedToItsOwnDatabase() {
        rendered.forEach((overlay, objects) -> {
            Map<String, String> databases = new TreeMap<>();
            for (Map<String, Object> d : Deployments.ofKind(objects, "Deployment")) {
                String service = Yamls.str(d, "metadata", "name");
                String name = overlay + " " + service;
                Map<String, Object> app = Yamls.documents(Deployments.root().resolve(service).resolve("src/main/resources/application.yml")).get(0);
                databases.put(service, Yamls.str(app, "spring", "mongodb", "database"));
                Map<String, Object> pod = Yamls.map(Yamls.at(d, "spec", "template", "spec"));
                List<String> mongoSecrets = new ArrayList<>();
                String volumeName = null;
                for (Object v : Yamls.list(pod.get("volumes"))) {
                    String secret = Yamls.str(v, "secret", "secretName");
                    if (secret != null && secret.endsWith("-mongodb")) {
                        mongoSecrets.add(secret);
                        volumeName = Yamls.str(v, "name");
                        assertThat(Yamls.list(Yamls.at(v, "secret", "items"))).as(name).singleElement().satisfies(item -> {
                            assertThat(Yamls.str(item, "key")).isEqualTo("uri");
                            assertThat(Yamls.str(item, "path")).isEqualTo(service.replace("-service", "").toUpperCase() + "_MONGODB_URI");
                        });
                    }
                }
                assertThat(mongoSecrets).as(name + " MongoDB secrets").containsExactly(service + "-mongodb");
                Map<String, Object> c = Yamls.map(Yamls.list(pod.get("containers")).get(0));
                String mountPath = null;
                for (Object m : Yamls.list(c.get("volumeMounts"))) {
                    if (Objects.equals(volumeName, Yamls.str(m, "name"))) {
                        mountPath = Yamls.str(m, "mountPath");
                    }
                }
                assertThat(mountPath).as(name + " mounts its MongoDB secret").isNotNull();
                Map<String, String> env = new TreeMap<>();
                Yamls.map(Yamls.at(Deployments.named(objects, "ConfigMap", "platform"), "data"))
                        .forEach((k, v) -> env.put(k, String.valueOf(v)));
                Yamls.list(c.get("env")).forEach(e -> env.put(Yamls.str(e, "name"), String.valueOf(Yamls.at(e, "value"))));
                assertThat(List.of(env.get("SPRING_CONFIG_IMPORT").split(","))).as(name + ": its MongoDB tree, not optional")
                        .contains("configtree:" + mountPath + "/");
                assertThat(env.keySet()).as(name + ": no connection string in the environment").noneMatch(k -> k.endsWith("MONGODB_URI"));
            }

            Map<String, Object> set = Deployments.named(objects, "StatefulSet", "mongodb");
            Map<String, Object> mongod = Yamls.map(Yamls.list(Yamls.at(set, "spec", "template", "spec", "containers")).get(0));
            assertThat(Yamls.list(mongod.get("args"))).as(overlay + " mongod").contains("--auth", "--keyFile");

            Map<String, Object> job = Deployments.named(objects, "Job", "mongodb-initiate");
            Map<String, Object> jobPod = Yamls.map(Yamls.at(job, "spec", "template", "spec"));
            Map<String, Object> initiate = Yamls.map(Yamls.list(jobPod.get("containers")).get(0));
            Map<String, String> users = new TreeMap<>();
            for (Object e : Yamls.list(initiate.get("env"))) {
                if ("MONGODB_USERS".equals(Yamls.str(e, "name"))) {
                    for (String entry : Yamls.str(e, "value").split(" ")) {
                        String[] parts = entry.split(":");
                        assertThat(users.put(parts[0], parts[1])).as(overlay + " user " + parts[0] + " once").isNull();
                    }
                }
            }
            assertThat(users).as(overlay + ": the Job's users are the services, each on its own database").isEqualTo(databases);
            Map<String, String> passwords = new TreeMap<>();
            for (Object v : Yamls.list(jobPod.get("volumes"))) {
                for (Object source : Yamls.list(Yamls.at(v, "projected", "sources"))) {
                    for (Object item : Yamls.list(Yamls.at(source, "secret", "items"))) {
                        assertThat(Yamls.str(item, "key")).isEqualTo("password");
                        passwords.put(Yamls.str(item, "path"), Yamls.str(source, "secret", "name"));
                    }
                }
            }
            Map<String, String> ownSecrets = new TreeMap<>();
            users.keySet().forEach(u -> ownSecrets.put(u, u + "-mongodb"));
            assertThat(passwords).as(overlay + ": each user's password from its own service's secret").isEqualTo(ownSecrets);
            String script = String.join(" ", Yamls.list(initiate.get("command")).stream().map(String::valueOf).toList());
            assertThat(script.split("role:", -1)).as("one role grant in the script").hasSize(2);
            assertThat(script).contains("const roles = [{role: \"readWrite\", db: database}];")
                    .contains("createUser({user: user, pwd: pwd, roles: roles})")
                    .contains("updateUser(user, {pwd: pwd, roles: roles})")
                    .doesNotContain("grantRoles", "root", "AnyDatabase");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
