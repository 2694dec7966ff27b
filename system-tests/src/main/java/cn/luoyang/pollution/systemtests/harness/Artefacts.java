package cn.luoyang.pollution.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of the jars a run starts (the four services, the broker's and MongoDB server's
 * libraries), laid out as in the repository. A service restarted by a fault step must start the
 * same build it started with, and a running JVM loads classes lazily from its jar: when a build in
 * the same working tree rewrites {@code <svc>/target/<svc>.jar} mid-run, the running service fails
 * with {@code NoClassDefFoundError} on the first class it had not loaded yet (seen in the SMS outage
 * step: notification-service's circuit breaker could not load its half-open state).
 */
final class Artefacts {

    private static final List<String> PATHS = List.of(
            "complaint-service/target/complaint-service-0.1.0-SNAPSHOT.jar",
            "dispatch-service/target/dispatch-service-0.1.0-SNAPSHOT.jar",
            "enforcement-service/target/enforcement-service-0.1.0-SNAPSHOT.jar",
            "notification-service/target/notification-service-0.1.0-SNAPSHOT.jar",
            "identity-service/target/identity-service-0.1.0-SNAPSHOT-exec.jar",
            "deploy/kafka-broker/target/lib",
            "deploy/mongo-server/target/lib",
            "deploy/mongo-server/target/mongo-server-0.1.0-SNAPSHOT.jar");

    private Artefacts() {
    }

    /** Copies what exists of the run's artefacts from {@code root} into {@code into}; returns {@code into}. */
    static Path snapshot(Path root, Path into) {
        try {
            for (String relative : PATHS) {
                Path source = root.resolve(relative);
                if (Files.isRegularFile(source)) {
                    copy(source, into.resolve(relative));
                } else if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.walk(source)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            copy(file, into.resolve(relative).resolve(source.relativize(file).toString()));
                        }
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the run's jars into " + into, e);
        }
    }

    /** Deletes a snapshot made by {@link #snapshot}; a snapshot lives in a run's folder, named {@code artefacts}. */
    static void delete(Path snapshot) {
        if (!snapshot.getFileName().toString().equals("artefacts")) {
            return;
        }
        try (Stream<Path> files = Files.walk(snapshot)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover copy under target/ is harmless
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
