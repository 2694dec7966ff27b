package cn.luoyang.pollution.deploy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM of the runtime: started from a fixed command, its output appended to a log file,
 * stopped with SIGTERM (then SIGKILL after a grace period) or killed outright for the fault suite.
 * It can be started again after it stopped.
 */
public final class ManagedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final Path logFile;
    private volatile Process process;
    private volatile long logOffsetAtStart;
    private volatile boolean stopping;

    public ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workingDir, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir;
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        try {
            Files.createDirectories(logFile.getParent());
            logOffsetAtStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "---- " + Instant.now() + " starting " + name + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            List<String> full = new ArrayList<>();
            // Its own session: Ctrl-C in the terminal reaches only the launcher, which then stops the
            // children in order (services first, the broker last) instead of all at once.
            if (Files.isExecutable(SETSID)) {
                full.add(SETSID.toString());
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            stopping = false;
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** True when the process ended without being asked to. */
    public boolean diedUnexpectedly() {
        Process p = process;
        return p != null && !p.isAlive() && !stopping;
    }

    public OptionalLong exitCode() {
        Process p = process;
        return p != null && !p.isAlive() ? OptionalLong.of(p.exitValue()) : OptionalLong.empty();
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL. Returns the exit code (or -1 if it was not running). */
    public int stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return -1;
        }
        stopping = true;
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        }
    }

    /** SIGKILL with no warning, as a crash would: the fault suite's {@code kill -9}. */
    public void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        stopping = true;
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory of the process in kilobytes (Linux {@code /proc}); empty if unknown. */
    public OptionalLong rssKb() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process just ended
        }
        return OptionalLong.empty();
    }

    /** Whether the log written since the last start contains {@code text}. */
    public boolean logSinceStartContains(String text) {
        return logSinceStart().contains(text);
    }

    String logSinceStart() {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(logOffsetAtStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of the log since the last start, for error messages. */
    public String tail(int lines) {
        String[] all = logSinceStart().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
