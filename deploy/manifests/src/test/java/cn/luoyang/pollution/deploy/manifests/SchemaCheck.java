package cn.luoyang.pollution.deploy.manifests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every Kubernetes object against its schema. Core types (and {@code apps}, {@code batch},
 * {@code policy}, {@code networking}) through fabric8's kubernetes-model classes, Strimzi's through
 * Strimzi's own model ({@code io.strimzi:api}), both strictly: Jackson fails on a wrong type, and
 * a member the model does not know (which those classes keep in {@code additionalProperties}
 * instead of failing) is reported with its path. KEDA's ScaledObject and TriggerAuthentication
 * through JSON Schemas written from KEDA's documented spec ({@code src/test/resources/keda}).
 */
final class SchemaCheck {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            Map.entry("batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    private static final Map<String, String> JSON_SCHEMAS = Map.of(
            "keda.sh/v1alpha1/ScaledObject", "keda/scaledobject.schema.json",
            "keda.sh/v1alpha1/TriggerAuthentication", "keda/triggerauthentication.schema.json");

    /** What is wrong with {@code object}; empty when it is valid. */
    static List<String> violations(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        String name = type + " " + Yamls.str(object, "metadata", "name");
        List<String> problems = new ArrayList<>();
        if (Yamls.str(object, "metadata", "name") == null) {
            problems.add(name + ": metadata.name is missing");
        }
        Class<?> model = MODELS.get(type);
        if (model != null) {
            try {
                Object parsed = STRICT.convertValue(object, model);
                unknownMembers(parsed, "", problems, new IdentityHashMap<>());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            return problems.stream().map(p -> p.startsWith(name) ? p : name + ": " + p).toList();
        }
        String schema = JSON_SCHEMAS.get(type);
        if (schema == null) {
            return List.of(name + ": no schema known for this type (SchemaCheck)");
        }
        try {
            String json = STRICT.writeValueAsString(object);
            for (var error : jsonSchema(schema).validate(json, InputFormat.JSON)) {
                problems.add(name + ": " + error);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static Schema jsonSchema(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the model's getters; a non-empty {@code additionalProperties} is a member the schema lacks. */
    private static void unknownMembers(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object v : c) {
                unknownMembers(v, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownMembers(v, path + "." + k, problems, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || !(m.getName().startsWith("get") || m.getName().startsWith("is"))) {
                continue;
            }
            Object member;
            try {
                member = m.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (member instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add((path.isEmpty() ? "" : path.substring(1) + ": ") + "unknown member(s) " + extra.keySet());
                }
            } else if (!IGNORED_GETTERS.contains(m.getName())) {
                String prop = m.getName().startsWith("is") ? m.getName().substring(2) : m.getName().substring(3);
                unknownMembers(member, path + "." + Character.toLowerCase(prop.charAt(0)) + prop.substring(1), problems, seen);
            }
        }
    }

    private static final Set<String> IGNORED_GETTERS = Set.of("getClass", "getPlural", "getSingular", "getCRDName",
            "getScope", "getGroup", "getVersion", "getKind", "getApiVersion");

    private SchemaCheck() {
    }
}
