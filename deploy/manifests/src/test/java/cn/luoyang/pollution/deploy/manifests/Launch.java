package cn.luoyang.pollution.deploy.manifests;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One container of a deployment file, as the test starts it from the service's jar.
 *
 * @param origin        where it was read ("k8s city: Deployment dispatch-service", "compose: dispatch-service-1")
 * @param service       the service module, from the image name ({@code luoyang/<service>:<version>})
 * @param env           the container's environment exactly as the file gives it (config map keys resolved)
 * @param args          the container's arguments (after the image's entrypoint, which runs the jar)
 * @param files         every mounted file: its path in the container → the secret (or host file) and key it holds
 * @param writablePaths folders the container may write (emptyDir, tmpfs); the rest of its file system is read-only
 * @param memoryLimit   the container's memory limit in bytes (the JVM is told with -XX:MaxRAM)
 * @param port          the port the container serves: its container port {@code http} (k8s) or the first published one (compose)
 * @param managementPort Actuator's port: the probes' port (k8s) or the second published one (compose)
 */
record Launch(String origin, String service, SortedMap<String, String> env, List<String> args,
        SortedMap<String, MountedFile> files, SortedSet<String> writablePaths, long memoryLimit, int port,
        int managementPort) {

    /** What makes two launches the same start: everything but where they were read. */
    List<Object> identity() {
        return List.of(service, env, args, files, writablePaths, memoryLimit, port, managementPort);
    }

    /** A mounted file: the secret (or, in compose, the host file) and the key it comes from. */
    record MountedFile(String source, String key) implements Comparable<MountedFile> {
        @Override
        public int compareTo(MountedFile o) {
            return (source + "/" + key).compareTo(o.source + "/" + o.key);
        }
    }
}
