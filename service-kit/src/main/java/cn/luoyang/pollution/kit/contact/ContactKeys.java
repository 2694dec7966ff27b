package cn.luoyang.pollution.kit.contact;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import cn.luoyang.pollution.kit.secrets.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The key pair that seals reporters' phone numbers: HPKE (X25519, HKDF-SHA256, AES-256-GCM) via
 * Google Tink. The public half goes to whoever takes reports in (complaint-service, the hotline);
 * the private half only to notification-service. In production both come from configuration; a
 * local run generates them once under the data folder.
 */
public final class ContactKeys {

    public static final String PRIVATE_FILE = "reporter-contact.private.json";
    public static final String PUBLIC_FILE = "reporter-contact.public.json";

    static {
        try {
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new pair as Tink JSON keysets. */
    public static KeyPair generate() {
        try {
            KeysetHandle privateKeys = KeysetHandle.generateNew(
                    KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM"));
            return new KeyPair(
                    TinkJsonProtoKeysetFormat.serializeKeyset(privateKeys, InsecureSecretKeyAccess.get()),
                    TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateKeys.getPublicKeysetHandle()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the reporter-contact key pair", e);
        }
    }

    /**
     * Reads the pair from {@code directory}, generating it there first if it is not yet present. The
     * private keyset is created once ({@link SecretFiles}: of processes starting together, one wins);
     * the public one is derived from whichever private keyset won, so the two always match.
     */
    public static KeyPair ensure(Path directory) {
        try {
            String privateKeyset = SecretFiles.readOrCreate(directory.resolve(PRIVATE_FILE), () -> generate().privateKeyset());
            String publicKeyset = SecretFiles.readOrCreate(directory.resolve(PUBLIC_FILE), () -> publicOf(privateKeyset));
            return new KeyPair(privateKeyset, publicKeyset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The public keyset a sealing service uses: {@code inline} when configured (production), else the file in
     * {@code directory}, generated there first ({@link #ensure}) when {@code generateIfMissing} (a local run).
     * The private half is never read here unless it has to be generated.
     */
    public static String publicKeyset(String inline, Path directory, boolean generateIfMissing) {
        if (inline != null && !inline.isBlank()) {
            return inline;
        }
        Path file = directory.resolve(PUBLIC_FILE);
        if (!Files.exists(file)) {
            if (!generateIfMissing) {
                throw new IllegalStateException("no reporter-contact public key: set reporter-contact.public-keyset or put "
                        + PUBLIC_FILE + " in " + directory.toAbsolutePath());
            }
            ensure(directory);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public half of a private keyset (for the holder of the private key that seals for itself). */
    public static String publicOf(String privateKeyset) {
        try {
            KeysetHandle privateKeys = TinkJsonProtoKeysetFormat.parseKeyset(privateKeyset, InsecureSecretKeyAccess.get());
            return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateKeys.getPublicKeysetHandle());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the reporter-contact private keyset cannot be read", e);
        }
    }

    static void registerPrimitives() {
        // the static initialiser does the work; calling this forces it
    }

    public record KeyPair(String privateKeyset, String publicKeyset) {
        @Override
        public String toString() {
            return "KeyPair[private=<hidden>, public=" + publicKeyset.length() + " chars]";
        }
    }

    private ContactKeys() {
    }
}
