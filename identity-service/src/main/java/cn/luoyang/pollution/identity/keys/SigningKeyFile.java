package cn.luoyang.pollution.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The provider's token-signing key (an RSA JWK), generated once and kept in the data folder, so that the
 * tokens already handed out stay valid across a restart. The file is created owner-only from its first
 * byte (written to a private temporary file, then moved in place), and a key file that others may read
 * is refused rather than used.
 */
public final class SigningKeyFile {

    static final String FILE_NAME = "signing-key.jwk.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyFile() {
    }

    public static RSAKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            Files.createDirectories(dataDir);
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            Path temporary = posix() ? Files.createTempFile(dataDir, "signing-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY)) : Files.createTempFile(dataDir, "signing-key", ".tmp");
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + dataDir, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private static RSAKey load(Path file) throws IOException {
        if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            throw new IllegalStateException(file + " may be read by others ("
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                    + "): refusing to sign with a key that may have leaked; chmod 600 it or replace it");
        }
        try {
            return JWK.parse(Files.readString(file, StandardCharsets.UTF_8)).toRSAKey();
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
