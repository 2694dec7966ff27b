package cn.luoyang.pollution.deploy.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code java} that runs the launcher also runs every child, so all share one Java 17. */
final class JavaCommand {

    static String java() {
        Path candidate = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(candidate) ? candidate.toString() : "java";
    }

    private JavaCommand() {
    }
}
