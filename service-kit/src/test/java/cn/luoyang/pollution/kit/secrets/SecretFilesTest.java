package cn.luoyang.pollution.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void creatorsRacingOnAnEmptyFolderAllGoOnWithOneSecretWrittenOwnerOnly() throws Exception {
        Path file = dir.resolve("keys").resolve("phone-hash.key");
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String mine = "secret-of-racer-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return SecretFiles.readOrCreate(file, () -> mine);
            }));
        }
        start.countDown();
        Set<String> seen = new HashSet<>();
        for (Future<String> answer : answers) {
            seen.add(answer.get());
        }
        pool.shutdown();

        assertThat(seen).hasSize(1);
        assertThat(seen.iterator().next()).startsWith("secret-of-racer-").isEqualTo(Files.readString(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void anExistingSecretIsReadAndNeverReplaced() throws Exception {
        Path file = dir.resolve("contact.private.json");
        Files.writeString(file, "the city's own");

        assertThat(SecretFiles.readOrCreate(file, () -> "a new one")).isEqualTo("the city's own");
        assertThat(Files.readString(file)).isEqualTo("the city's own");
    }
}
