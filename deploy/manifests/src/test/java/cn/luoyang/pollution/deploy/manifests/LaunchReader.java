package cn.luoyang.pollution.deploy.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a container gets from a Kubernetes Deployment or a compose service: environment,
 * arguments, mounted files, writable folders, memory limit, port. Anything these files do not use
 * (a secret as an environment variable, a command overriding the image's, {@code $(VAR)}
 * expansion, volume kinds other than secret, projected secrets, emptyDir) is refused rather than
 * half-read.
 */
final class LaunchReader {

    private static final Pattern IMAGE = Pattern.compile("luoyang/([a-z-]+-service):[\\w.-]+");

    /** The keys Strimzi's user operator writes into a KafkaUser's secret (mutual TLS). */
    static final List<String> KAFKA_USER_SECRET_KEYS = List.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");

    static List<Launch> fromKubernetes(String overlay, List<Map<String, Object>> objects) {
        List<Launch> launches = new ArrayList<>();
        for (Map<String, Object> d : Deployments.ofKind(objects, "Deployment")) {
            Map<String, Object> pod = Yamls.map(Yamls.at(d, "spec", "template", "spec"));
            Map<String, Map<String, Object>> volumes = new TreeMap<>();
            for (Object v : Yamls.list(pod.get("volumes"))) {
                volumes.put(Yamls.str(v, "name"), Yamls.map(v));
            }
            for (Object container : Yamls.list(pod.get("containers"))) {
                Map<String, Object> c = Yamls.map(container);
                String origin = "k8s " + overlay + ": Deployment " + Yamls.str(d, "metadata", "name") + " container " + c.get("name");
                if (c.containsKey("command")) {
                    throw new IllegalArgumentException(origin + ": a command replaces the image's entrypoint (the jar)");
                }
                SortedMap<String, String> env = new TreeMap<>();
                for (Object from : Yamls.list(c.get("envFrom"))) {
                    String name = Yamls.str(from, "configMapRef", "name");
                    if (name == null) {
                        throw new IllegalArgumentException(origin + ": only config maps are read with envFrom here: " + from);
                    }
                    Map<String, Object> configMap = Deployments.named(objects, "ConfigMap", name);
                    if (configMap == null) {
                        throw new IllegalArgumentException(origin + ": no ConfigMap " + name);
                    }
                    Yamls.map(configMap.get("data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
                }
                for (Object e : Yamls.list(c.get("env"))) {
                    String name = Yamls.str(e, "name");
                    if (Yamls.at(e, "valueFrom") != null) {
                        String cm = Yamls.str(e, "valueFrom", "configMapKeyRef", "name");
                        if (cm == null) {
                            throw new IllegalArgumentException(origin + ": " + name
                                    + " comes from a secret or the pod: secrets are mounted as files on this platform");
                        }
                        env.put(name, String.valueOf(Yamls.map(Deployments.named(objects, "ConfigMap", cm).get("data"))
                                .get(Yamls.str(e, "valueFrom", "configMapKeyRef", "key"))));
                    } else {
                        env.put(name, String.valueOf(Yamls.at(e, "value")));
                    }
                }
                env.forEach((k, v) -> {
                    if (v.contains("$(")) {
                        throw new IllegalArgumentException(origin + ": " + k + " uses $(VAR) expansion, not read here");
                    }
                });
                SortedMap<String, Launch.MountedFile> files = new TreeMap<>();
                SortedSet<String> writable = new TreeSet<>();
                for (Object m : Yamls.list(c.get("volumeMounts"))) {
                    String path = Yamls.str(m, "mountPath");
                    Map<String, Object> volume = volumes.get(Yamls.str(m, "name"));
                    if (volume == null) {
                        throw new IllegalArgumentException(origin + ": mounts the missing volume " + Yamls.str(m, "name"));
                    }
                    if (volume.containsKey("emptyDir")) {
                        writable.add(path);
                    } else if (volume.containsKey("secret")) {
                        secretFiles(objects, Yamls.map(volume.get("secret")), path, files);
                    } else if (volume.containsKey("projected")) {
                        for (Object source : Yamls.list(Yamls.at(volume, "projected", "sources"))) {
                            if (Yamls.at(source, "secret") == null) {
                                throw new IllegalArgumentException(origin + ": only secrets are projected here: " + source);
                            }
                            secretFiles(objects, Yamls.map(Yamls.at(source, "secret")), path, files);
                        }
                    } else {
                        throw new IllegalArgumentException(origin + ": volume kind not read here: " + volume.keySet());
                    }
                }
                List<String> args = new ArrayList<>();
                Yamls.list(c.get("args")).forEach(a -> args.add(String.valueOf(a)));
                launches.add(new Launch(origin, service(origin, Yamls.str(c, "image")), env, List.copyOf(args), files, writable,
                        bytes(Yamls.str(c, "resources", "limits", "memory")), containerPort(origin, c, "http"),
                        probePort(origin, c)));
            }
        }
        return launches;
    }

    private static void secretFiles(List<Map<String, Object>> objects, Map<String, Object> secret, String dir,
            SortedMap<String, Launch.MountedFile> files) {
        String name = secret.containsKey("secretName") ? Yamls.str(secret, "secretName") : Yamls.str(secret, "name");
        List<Object> items = Yamls.list(secret.get("items"));
        if (items.isEmpty()) {
            // the whole secret: only a KafkaUser's secret is mounted this way, and Strimzi writes its keys
            if (Deployments.named(objects, "KafkaUser", name) == null) {
                throw new IllegalArgumentException("the whole secret " + name + " is mounted; list its items");
            }
            for (String key : KAFKA_USER_SECRET_KEYS) {
                files.put(dir + "/" + key, new Launch.MountedFile(name, key));
            }
        }
        for (Object item : items) {
            files.put(dir + "/" + Yamls.str(item, "path"), new Launch.MountedFile(name, Yamls.str(item, "key")));
        }
    }

    /** The readiness probe's port (Actuator's management port), which must not be the {@code http} port. */
    private static int probePort(String origin, Map<String, Object> c) {
        Object port = Yamls.at(c, "readinessProbe", "httpGet", "port");
        int probed = port instanceof Number n ? n.intValue() : containerPort(origin, c, String.valueOf(port));
        if (probed == containerPort(origin, c, "http")) {
            throw new IllegalArgumentException(origin + ": the probes use the http port; Actuator has a port of its own");
        }
        return probed;
    }

    private static int containerPort(String origin, Map<String, Object> c, String name) {
        for (Object p : Yamls.list(c.get("ports"))) {
            if (name.equals(Yamls.str(p, "name"))) {
                return ((Number) Yamls.at(p, "containerPort")).intValue();
            }
        }
        throw new IllegalArgumentException(origin + ": no container port named " + name);
    }

    static List<Launch> fromCompose(Map<String, Object> compose) {
        List<Launch> launches = new ArrayList<>();
        Yamls.map(compose.get("services")).forEach((name, s) -> {
            String image = Yamls.str(s, "image");
            if (image == null || !image.startsWith("luoyang/")) {
                return; // Kafka, MongoDB: the test has its own
            }
            String origin = "compose: " + name;
            if (Yamls.at(s, "entrypoint") != null) {
                throw new IllegalArgumentException(origin + ": an entrypoint replaces the image's (the jar)");
            }
            SortedMap<String, String> env = new TreeMap<>();
            Object environment = Yamls.at(s, "environment");
            if (environment instanceof List<?> l) {
                for (Object kv : l) {
                    String[] parts = kv.toString().split("=", 2);
                    env.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            } else {
                Yamls.map(environment).forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
            env.forEach((k, v) -> {
                if (v.contains("${")) {
                    throw new IllegalArgumentException(origin + ": " + k + " uses compose interpolation, not read here");
                }
            });
            SortedMap<String, Launch.MountedFile> files = new TreeMap<>();
            for (Object v : Yamls.list(Yamls.at(s, "volumes"))) {
                String[] parts = v.toString().split(":");
                if (parts.length < 2 || !parts[0].contains("/")) {
                    throw new IllegalArgumentException(origin + ": only read-only host files are mounted here: " + v);
                }
                String file = parts[0].substring(parts[0].lastIndexOf('/') + 1);
                files.put(parts[1], new Launch.MountedFile("host", file));
            }
            SortedSet<String> writable = new TreeSet<>();
            Yamls.list(Yamls.at(s, "tmpfs")).forEach(t -> writable.add(t.toString()));
            if (!Boolean.TRUE.equals(Yamls.at(s, "read_only"))) {
                throw new IllegalArgumentException(origin + ": the container's file system should be read_only");
            }
            List<Object> ports = Yamls.list(Yamls.at(s, "ports"));
            if (ports.size() != 2) {
                throw new IllegalArgumentException(origin + ": expected two published ports, the service's and Actuator's");
            }
            int port = containerPort(ports.get(0).toString());
            int managementPort = containerPort(ports.get(1).toString());
            List<String> args = new ArrayList<>();
            Object command = Yamls.at(s, "command");
            if (command != null) {
                Yamls.list(command).forEach(a -> args.add(String.valueOf(a)));
            }
            launches.add(new Launch(origin, service(origin, image), env, List.copyOf(args), files, writable,
                    bytes(Yamls.str(s, "mem_limit")), port, managementPort));
        });
        return launches;
    }

    /** The container side of a published port ("127.0.0.1:8181:8081" → 8081). */
    private static int containerPort(String published) {
        return Integer.parseInt(published.substring(published.lastIndexOf(':') + 1));
    }

    private static String service(String origin, String image) {
        Matcher m = IMAGE.matcher(String.valueOf(image));
        if (!m.matches()) {
            throw new IllegalArgumentException(origin + ": the image " + image + " is not one the Jib build makes");
        }
        return m.group(1);
    }

    /** "512Mi", "1Gi", "512m" (compose), "1g" → bytes. */
    static long bytes(String quantity) {
        if (quantity == null) {
            throw new IllegalArgumentException("no memory limit");
        }
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|m|g)?").matcher(quantity);
        if (!m.matches()) {
            throw new IllegalArgumentException("memory quantity not read here: " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "Ki", "k" -> n << 10;
            case "Mi", "m" -> n << 20;
            case "Gi", "g" -> n << 30;
            default -> n;
        };
    }

    private LaunchReader() {
    }
}
