package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one of the node scripts in {@code src/test/browser} (playwright-core driving Debian's
 * headless Chromium) and returns the JSON it printed. Skipped, with the reason, where Chromium or
 * the npm install is missing; CI installs both (see CONSOLE.md).
 */
public final class BrowserScripts {

    public static final Path DIR = Path.of("src/test/browser").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        assumeTrue(Files.isDirectory(DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed (npm ci in " + DIR + ")");
        assumeTrue(Files.isDirectory(DIR.resolve("node_modules/axe-core")), "axe-core is not installed (npm ci in " + DIR + ")");
    }

    public static JsonNode run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("browser-", ".log");
            Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            assertThat(finished).as("%s finished in time; output:%n%s", script, output).isTrue();
            assertThat(process.exitValue()).as("%s exit code; output:%n%s", script, output).isZero();
            String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(script + " printed no RESULT line:\n" + output));
            return JsonMapper.builder().build().readTree(line.substring("RESULT ".length()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private BrowserScripts() {
    }
}
