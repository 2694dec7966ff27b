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
            allowed.forEach((resource, ops) -> {
                if (ops.contains("Read") && resource.startsWith("topic:")) {
                    assertThat(consumed).as(service + " may read only what it consumes").contains(resource.substring(6));
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
