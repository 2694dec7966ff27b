package cn.luoyang.pollution.deploy.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the deployment files are and how each is read: the rendered Kustomize overlays and the compose file. */
final class Deployments {

    static final List<String> OVERLAYS = List.of("trial", "city", "province");

    static Path root() {
        return Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    static Path compose() {
        return root().resolve("deploy/docker-compose.yml");
    }

    /** base and each overlay, rendered. */
    static Map<String, List<Map<String, Object>>> rendered() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        all.put("base", Kustomization.render(k8s().resolve("base")));
        for (String overlay : OVERLAYS) {
            all.put(overlay, Kustomization.render(k8s().resolve("overlays").resolve(overlay)));
        }
        return all;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if (kind.equals(o.get("kind"))) {
                found.add(o);
            }
        }
        return found;
    }

    static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        for (Map<String, Object> o : ofKind(objects, kind)) {
            if (name.equals(Yamls.str(o, "metadata", "name"))) {
                return o;
            }
        }
        return null;
    }

    private Deployments() {
    }
}
