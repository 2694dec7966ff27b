package cn.luoyang.pollution.kit.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret generated once into a file that several processes may try to create at the same moment
 * (two instances, or two services, started together on an empty keys folder). The secret is written
 * to a private temporary file, owner-only from its first byte, and then hard-linked into place, which
 * fails if the name already exists: exactly one process's secret wins, nobody ever reads a half-written
 * file, and every process goes on with the winner's content.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** The file's content, creating it with {@code generate}'s value first if it does not exist yet. */
    public static String readOrCreate(Path file, Supplier<String> generate) throws IOException {
        if (!Files.exists(file)) {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = posix()
                    ? Files.createTempFile(folder, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, ".secret", ".tmp");
            try {
                Files.writeString(temporary, generate.get(), StandardCharsets.UTF_8);
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // its secret is the one everybody uses
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
