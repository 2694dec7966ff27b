package cn.luoyang.pollution.kit.contact;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Opens a sealed phone number. Only notification-service holds the private keyset to build one. */
public final class ContactOpener {

    private final HybridDecrypt decrypt;

    private ContactOpener(HybridDecrypt decrypt) {
        this.decrypt = decrypt;
    }

    public static ContactOpener withPrivateKeyset(String privateKeysetJson) {
        ContactKeys.registerPrimitives();
        try {
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeyset(privateKeysetJson, InsecureSecretKeyAccess.get());
            return new ContactOpener(keys.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink private hybrid keyset", e);
        }
    }

    /** @throws IllegalArgumentException when the text was not sealed with the matching public key */
    public String open(String sealed) {
        try {
            byte[] plain = decrypt.decrypt(Base64.getDecoder().decode(sealed), ContactSealer.CONTEXT);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open a sealed contact", e);
        }
    }
}
